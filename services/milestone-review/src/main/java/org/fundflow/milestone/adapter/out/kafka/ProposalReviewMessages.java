package org.fundflow.milestone.adapter.out.kafka;

import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * 立项评审: a completed proposal review -> {@code fundflow.milestone.proposal-reviewed.v1} on
 * {@code milestone.project-events}, keyed by the proposal id (there is no project yet; docs/adr/0007).
 */
public class ProposalReviewMessages {

  public static final String PROPOSAL_REVIEWED = "fundflow.milestone.proposal-reviewed.v1";

  private final OutboxEvents events;

  public ProposalReviewMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(ReviewEvent event) {
    ProposalReviewedV1 message = toMessage(event);
    return events.create(ProjectEventMessages.TOPIC, PROPOSAL_REVIEWED, message.proposalId(), message.proposalId(),
        message);
  }

  /** The integration message of a review event (public for the contract tests). */
  public static ProposalReviewedV1 toMessage(ReviewEvent event) {
    if (event instanceof ReviewEvent.ProposalReviewed e) {
      ProposalReview r = e.review();
      return new ProposalReviewedV1(r.id(), r.programId(), r.organisationCode(), r.result().score(),
          r.result().totalsUsed(), r.result().totalsDropped(), r.result().explanation(), r.panelSize(),
          r.rubric().stream().map(c -> new CriterionV1(c.name(), c.weight())).toList(), r.result().reviewedAt());
    }
    throw new IllegalArgumentException("no integration event for " + event.getClass().getSimpleName());
  }

  public record CriterionV1(String name, int weight) {}

  /** The panel's score of one proposal: the mean after the drop rule, 2 places, and how it was computed. */
  public record ProposalReviewedV1(String proposalId, String programId, String organisationCode, String score,
      List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation, int panelSize,
      List<CriterionV1> rubric, Instant reviewedAt) {}
}
