package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stage of a project's plan: deliverables, a due date and the tranche % paid on acceptance. Immutable. */
public record Milestone(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
    int tranchePercent, MilestoneStatus status, int failedReviews, Instant rectifyBy, Instant acceptedAt) {

  public Milestone {
    deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
  }

  public static Milestone planned(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, MilestoneStatus.OPEN, 0, null, null);
  }

  Milestone underReview() {
    return with(MilestoneStatus.UNDER_REVIEW, failedReviews, rectifyBy, acceptedAt);
  }

  Milestone rectifying(Instant by) {
    return with(MilestoneStatus.RECTIFYING, failedReviews, by, acceptedAt);
  }

  /** One more FAILED review: open again for a new report (see {@link #getFailedReviews()}). */
  Milestone failed() {
    return with(MilestoneStatus.OPEN, failedReviews + 1, null, acceptedAt);
  }

  Milestone finallyFailed() {
    return with(MilestoneStatus.FAILED, failedReviews, rectifyBy, acceptedAt);
  }

  Milestone awaitingAcceptance() {
    return with(MilestoneStatus.ACCEPTANCE_ON_HOLD, failedReviews, rectifyBy, acceptedAt);
  }

  Milestone accepted(Instant at) {
    return with(MilestoneStatus.ACCEPTED, failedReviews, null, at);
  }

  private Milestone with(MilestoneStatus status, int failedReviews, Instant rectifyBy, Instant acceptedAt) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, status, failedReviews, rectifyBy,
        acceptedAt);
  }
}
