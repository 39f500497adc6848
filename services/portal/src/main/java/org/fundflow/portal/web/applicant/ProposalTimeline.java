package org.fundflow.portal.web.applicant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fundflow.portal.client.IntakeClient.Proposal;

/**
 * A proposal's way so far, read from what project-intake answers: its status and the times it records (created,
 * submitted, decided, withdrawn). The service records no time for screening and review: those steps show as reached
 * or not, without a time. A rejection before a decision does not say which steps it passed, so they are left out.
 */
public final class ProposalTimeline {

  public enum State { DONE, CURRENT, PENDING }

  /** @param key the message key of the step's name; {@code note} the rejection reason */
  public record Step(String key, State state, Instant at, String note) {
    public boolean done() {
      return state == State.DONE;
    }
  }

  private static final Set<String> SCREENED = Set.of("SCREENING", "UNDER_REVIEW", "AWARDED");
  private static final Set<String> REVIEWED = Set.of("UNDER_REVIEW", "AWARDED");

  private ProposalTimeline() {}

  public static List<Step> of(Proposal p) {
    String status = p.status();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("applicant.timeline.drafted", "DRAFT".equals(status) ? State.CURRENT : State.DONE,
        p.createdAt(), null));
    if ("WITHDRAWN".equals(status)) {
      if (p.submittedAt() != null) {
        steps.add(new Step("applicant.timeline.submitted", State.DONE, p.submittedAt(), null));
      }
      steps.add(new Step("applicant.timeline.withdrawn", State.DONE, p.withdrawnAt(), null));
      return steps;
    }
    steps.add(new Step("applicant.timeline.submitted", p.submittedAt() != null ? State.DONE : State.PENDING,
        p.submittedAt(), null));
    if ("REJECTED".equals(status)) {
      steps.add(new Step("applicant.timeline.rejected", State.DONE, p.decidedAt(), p.rejectionReason()));
      return steps;
    }
    steps.add(new Step("applicant.timeline.screened", reached(status, SCREENED, "SCREENING"), null, null));
    steps.add(new Step("applicant.timeline.reviewed", reached(status, REVIEWED, "UNDER_REVIEW"), null, null));
    steps.add("AWARDED".equals(status)
        ? new Step("applicant.timeline.awarded", State.DONE, p.decidedAt(), null)
        : new Step("applicant.timeline.decision", State.PENDING, null, null));
    return steps;
  }

  private static State reached(String status, Set<String> reachedIn, String current) {
    if (status.equals(current)) {
      return State.CURRENT;
    }
    return reachedIn.contains(status) ? State.DONE : State.PENDING;
  }
}
