package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stage of a project's plan: deliverables, a due date and the tranche % paid on acceptance. Immutable. */
public record Milestone(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
    int tranchePercent, MilestoneStatus status, int failedReviews, Instant rectifyBy, Instant acceptedAt,
    Instant remindedAt, Instant overdueAt) {

  public Milestone {
    deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
  }

  public static Milestone planned(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, MilestoneStatus.OPEN, 0, null, null,
        null, null);
  }

  /** A milestone read before reminders existed (tests, older documents). */
  public Milestone(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent, MilestoneStatus status, int failedReviews, Instant rectifyBy, Instant acceptedAt) {
    this(id, sequence, title, deliverables, dueDate, tranchePercent, status, failedReviews, rectifyBy, acceptedAt,
        null, null);
  }

  /** Waiting for a report: OPEN or OVERDUE. */
  public boolean awaitsReport() {
    return status == MilestoneStatus.OPEN || status == MilestoneStatus.OVERDUE;
  }

  /** OPEN (no report yet) and its due date is over on {@code today}. */
  boolean overdueOn(LocalDate today) {
    return status == MilestoneStatus.OPEN && dueDate != null && today.isAfter(dueDate);
  }

  /** OPEN, not reminded yet, and due within {@code remindBefore} days of {@code today}. */
  boolean dueForReminderOn(LocalDate today, int remindBefore) {
    return status == MilestoneStatus.OPEN && remindedAt == null && dueDate != null
        && !today.isBefore(dueDate.minusDays(remindBefore));
  }

  /** A report on this milestone may come now: it is OPEN or OVERDUE, or RECTIFYING and its period not over. */
  void requireReportableAt(Instant now) {
    switch (status) {
      case OPEN, OVERDUE -> { }
      case RECTIFYING -> {
        if (now.isAfter(rectifyBy)) {
          throw DomainRuleException.illegal("rectification-period-over",
              "the rectification period of milestone " + id + " ended at " + rectifyBy);
        }
      }
      default -> throw DomainRuleException.illegal("milestone-not-open",
          "milestone " + id + " is " + status + ": no report can be submitted now");
    }
  }

  Milestone reminded(Instant at) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, status, failedReviews, rectifyBy,
        acceptedAt, at, overdueAt);
  }

  Milestone overdue(Instant at) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, MilestoneStatus.OVERDUE,
        failedReviews, rectifyBy, acceptedAt, remindedAt, at);
  }

  /** A new due date (an approved change request): reminders and OVERDUE start again from it. */
  Milestone dueOn(LocalDate newDueDate) {
    MilestoneStatus back = status == MilestoneStatus.OVERDUE ? MilestoneStatus.OPEN : status;
    return new Milestone(id, sequence, title, deliverables, newDueDate, tranchePercent, back, failedReviews, rectifyBy,
        acceptedAt, null, null);
  }

  /**
   * This milestone after a panel's decision on its report: PASSED accepts it (or leaves it ACCEPTANCE_ON_HOLD while
   * the project is {@code held}), CONDITIONAL opens the rectification period, FAILED opens it again — or fails it for
   * good when it is the {@code finalMilestone} or its second failed review.
   */
  Milestone reviewed(Decision decision, boolean finalMilestone, boolean held, Instant now) {
    return switch (decision.outcome()) {
      case PASSED -> held ? awaitingAcceptance() : accepted(now);
      case CONDITIONAL -> rectifying(decision.rectifyBy());
      case FAILED -> finalMilestone || failedReviews > 0 ? failed().finallyFailed() : failed();
    };
  }

  /** Why the project ends with this milestone FAILED for good ({@link #reviewed}). */
  String failureReason(Decision decision, boolean finalMilestone) {
    return finalMilestone
        ? "final milestone " + id + " FAILED its review (mean " + decision.meanScore() + ")"
        : "milestone " + id + " FAILED its review twice (last mean " + decision.meanScore() + ")";
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
        acceptedAt, remindedAt, overdueAt);
  }
}
