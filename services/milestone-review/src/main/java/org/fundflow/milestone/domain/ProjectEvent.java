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

  record MilestoneReviewCompleted(String milestoneId, int sequence, String reportId, Decision decision,
      boolean finalMilestone) implements ProjectEvent {}

  record MilestoneAccepted(String milestoneId, int sequence, int tranchePercent, boolean lastMilestone,
      Instant acceptedAt) implements ProjectEvent {}

  record ProjectTerminated(String reason, Instant terminatedAt) implements ProjectEvent {}

  record ProjectCompleted(Instant completedAt) implements ProjectEvent {}
}
