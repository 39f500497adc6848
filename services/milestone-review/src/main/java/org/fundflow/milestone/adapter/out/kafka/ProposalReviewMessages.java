package org.fundflow.milestone.adapter.out.kafka;

import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * 立项评审: a completed proposal review -> {@code fundflow.milestone.proposal-reviewed.v1}, an expert who left the
 * panel -> {@code fundflow.milestone.review-expert-recused.v1}, experts put on it -> {@code experts-assigned}, on
 * {@code milestone.project-events}, keyed by the proposal id (there is no project yet; docs/adr/0007).
 */
public class ProposalReviewMessages {

  public static final String PROPOSAL_REVIEWED = "fundflow.milestone.proposal-reviewed.v1";
  public static final String REVIEW_EXPERT_RECUSED = "fundflow.milestone.review-expert-recused.v1";

  private final OutboxEvents events;

  public ProposalReviewMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(ReviewEvent event) {
    if (event instanceof ReviewEvent.ExpertsAssigned e) {
      ProjectEventMessages.ExpertsAssignedV1 message = toAssignment(e);
      return events.create(ProjectEventMessages.TOPIC, message.type(), message.proposalId(), message.proposalId(),
          message);
    }
    if (event instanceof ReviewEvent.ExpertRecused e) {
      ReviewExpertRecusedV1 message = toRecusal(e);
      return events.create(ProjectEventMessages.TOPIC, REVIEW_EXPERT_RECUSED, message.proposalId(),
          message.proposalId(), message);
    }
    ProposalReviewedV1 message = toMessage(event);
    return events.create(ProjectEventMessages.TOPIC, PROPOSAL_REVIEWED, message.proposalId(), message.proposalId(),
        message);
  }

  /** The integration message of a completed review (public for the contract tests). */
  public static ProposalReviewedV1 toMessage(ReviewEvent event) {
    if (event instanceof ReviewEvent.ProposalReviewed e) {
      ProposalReview r = e.review();
      return new ProposalReviewedV1(r.id(), r.programId(), r.organisationCode(), r.result().score(),
          r.result().totalsUsed(), r.result().totalsDropped(), r.result().explanation(), r.panelSize(),
          r.rubric().stream().map(c -> new CriterionV1(c.name(), c.weight())).toList(), r.result().reviewedAt(),
          r.expertIds());
    }
    throw new IllegalArgumentException("no integration event for " + event.getClass().getSimpleName());
  }

  /** Issue 16: experts put on a proposal's review panel (public for the contract tests). */
  public static ProjectEventMessages.ExpertsAssignedV1 toAssignment(ReviewEvent.ExpertsAssigned e) {
    ProposalReview r = e.review();
    return new ProjectEventMessages.ExpertsAssignedV1(ProjectEventMessages.PROPOSAL_REVIEW, r.programId(), null,
        null, null, null, r.id(), e.expertIds(), e.assignedAt());
  }

  /** 回避 on a proposal's review panel (public for the contract tests). */
  public static ReviewExpertRecusedV1 toRecusal(ReviewEvent.ExpertRecused e) {
    return new ReviewExpertRecusedV1(e.review().id(), e.review().programId(), e.expertId(), e.reason(),
        e.declaredAt());
  }

  /** An expert left a proposal's review panel with its reason; the program manager appoints another. */
  public record ReviewExpertRecusedV1(String proposalId, String programId, String expertId, String reason,
      Instant declaredAt) {}

  public record CriterionV1(String name, int weight) {}

  /**
   * The panel's score of one proposal: the mean after the drop rule, 2 places, and how it was computed;
   * {@code expertIds}: the panel that reviewed it (issue 16, additive).
   */
  public record ProposalReviewedV1(String proposalId, String programId, String organisationCode, String score,
      List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation, int panelSize,
      List<CriterionV1> rubric, Instant reviewedAt,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      List<String> expertIds) {}
}
