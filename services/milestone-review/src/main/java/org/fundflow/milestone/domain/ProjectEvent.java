package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;

/** What happened to a project, in the past tense. Integration messages are mapped from these. */
public sealed interface ProjectEvent {

  record MilestoneReportSubmitted(String milestoneId, int sequence, String reportId, int attempt,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant submittedAt,
      List<EvidenceFile> evidenceFiles) implements ProjectEvent {

    public MilestoneReportSubmitted {
      evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
    }

    public MilestoneReportSubmitted(String milestoneId, int sequence, String reportId, int attempt,
        List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant submittedAt) {
      this(milestoneId, sequence, reportId, attempt, deliverablesMet, evidence, spendingToDateFen, submittedAt, List.of());
    }
  }

  record ExpertEvaluationSubmitted(String milestoneId, String reportId, String expertId, String expertOrganisationCode,
      String expertPersonIdHash, Scores scores, int total, Recommendation recommendation, Instant submittedAt) implements ProjectEvent {}

  /** An assigned expert declared a conflict of interest (回避) and left the panel; its seat is to be filled again. */
  record ExpertRecused(String milestoneId, String reportId, String expertId, String reason, Instant declaredAt)
      implements ProjectEvent {}

  /** {@code expertIds}: the panel that decided (issue 16: each of them hears the decision). */
  record MilestoneReviewCompleted(String milestoneId, int sequence, String reportId, Decision decision,
      boolean finalMilestone, List<String> expertIds) implements ProjectEvent {

    public MilestoneReviewCompleted {
      expertIds = expertIds == null ? List.of() : List.copyOf(expertIds);
    }

    public MilestoneReviewCompleted(String milestoneId, int sequence, String reportId, Decision decision,
        boolean finalMilestone) {
      this(milestoneId, sequence, reportId, decision, finalMilestone, List.of());
    }
  }

  /**
   * A program manager put experts on a report's panel: the panel formed, or a seat left by a recusal filled
   * ({@code expertIds}: only the experts assigned now). Issue 16: each of them is told.
   */
  record ExpertsAssigned(String milestoneId, int sequence, String reportId, List<String> expertIds,
      Instant assignedAt) implements ProjectEvent {

    public ExpertsAssigned {
      expertIds = List.copyOf(expertIds);
    }
  }

  record MilestoneAccepted(String milestoneId, int sequence, int tranchePercent, boolean lastMilestone,
      Instant acceptedAt) implements ProjectEvent {}

  /**
   * The project is closed as TERMINATED. {@code terminatedBy}: the program manager, or {@code system} when a panel's
   * decision terminated it.
   */
  record ProjectTerminated(String reason, Instant terminatedAt, TerminationCause cause, String terminatedBy)
      implements ProjectEvent {

    public ProjectTerminated(String reason, Instant terminatedAt) {
      this(reason, terminatedAt, TerminationCause.MILESTONE_FAILED, ProjectHistoryEntry.SYSTEM);
    }
  }

  /** A program manager suspended the project: no reports, reviews or payments until it is resumed. */
  record ProjectSuspended(String reason, String suspendedBy, Instant suspendedAt) implements ProjectEvent {}

  record ProjectResumed(String reason, String resumedBy, Instant resumedAt) implements ProjectEvent {}

  /** The sweep's reminder: the milestone is due soon and has no report yet. */
  record MilestoneDueReminder(String milestoneId, int sequence, java.time.LocalDate dueDate, Instant remindedAt)
      implements ProjectEvent {}

  /** The sweep's warning: the due date passed without a report; the milestone is OVERDUE. */
  record MilestoneOverdue(String milestoneId, int sequence, java.time.LocalDate dueDate, Instant overdueAt)
      implements ProjectEvent {}

  record ProjectCompleted(Instant completedAt) implements ProjectEvent {}

  /** The applicant asked for a change (issue 17 point 5); PENDING until a program manager decides it. */
  record ChangeRequestSubmitted(ChangeRequest request) implements ProjectEvent {}

  /** A program manager approved or refused a change request ({@code request} as decided). */
  record ChangeRequestDecided(ChangeRequest request) implements ProjectEvent {}
}
