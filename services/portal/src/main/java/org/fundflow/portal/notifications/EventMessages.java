package org.fundflow.portal.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The portal's own reading of the events it turns into notifications: only the fields a notification needs, each
 * required by the event's schema in shared-schemas (ConsumedExamplesTest reads every shared example into them).
 */
public final class EventMessages {

  private EventMessages() {}

  public record ProposalSubmitted(@NotBlank String proposalId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String title, @NotNull Instant submittedAt) {}

  public record ProposalAwarded(@NotBlank String proposalId, @NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String title, long awardedAmountFen, @NotNull Instant awardedAt) {}

  public record ProposalRejected(@NotBlank String proposalId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String reason, @NotNull Instant rejectedAt) {}

  /** rectifyBy: only with outcome CONDITIONAL. */
  public record MilestoneReviewCompleted(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String milestoneId, int sequence, @NotBlank String organisationCode, @NotBlank String outcome,
      @NotBlank String meanScore, Instant rectifyBy, @NotNull Instant completedAt) {}

  public record ExpertRecused(@NotBlank String projectId, @NotBlank String programId, @NotBlank String milestoneId,
      @NotBlank String reportId, @NotBlank String expertId, String reason) {}

  public record DisbursementCreated(@NotBlank String disbursementId, @NotBlank String programId, String projectId,
      @NotBlank String organisationCode, long amountFen, @NotNull Instant createdAt) {}

  public record DisbursementReleased(@NotBlank String disbursementId, @NotBlank String programId, String projectId,
      @NotBlank String organisationCode, long amountFen, @NotBlank String paymentReference,
      @NotNull Instant releasedAt) {}

  public record Subject(@NotBlank String type, @NotBlank String id) {
    public boolean isOrganisation() {
      return "ORGANISATION".equals(type);
    }
  }

  public record HoldPlaced(@NotBlank String holdId, @NotNull @Valid Subject subject, @NotBlank String reason,
      @NotNull Instant endsAt) {}

  public record HoldLifted(@NotBlank String holdId, @NotNull @Valid Subject subject, @NotBlank String reason) {}

  public record Rule(@NotBlank String name, int version) {}

  public record FlagRaised(@NotBlank String flagId, @NotNull @Valid Rule rule, @NotNull @Valid Subject subject,
      @NotBlank String severity) {}

  /** Issue 17 point 5: the applicant asked for a change of its project (the program managers are told). */
  public record ChangeRequestSubmitted(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String changeRequestId, @NotBlank String kind,
      @NotBlank String summary, @NotNull Instant requestedAt) {}

  /** A program manager approved or refused a change request (the applicant's organisation is told). */
  public record ChangeRequestDecided(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String changeRequestId, @NotBlank String kind,
      @NotBlank String summary, @NotNull Boolean approved, @NotBlank String reason, @NotNull Instant decidedAt) {}

  /** The due-date sweep's reminder before a milestone's due date, and its warning after it (OVERDUE). */
  public record MilestoneDue(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String milestoneId, int sequence, @NotNull LocalDate dueDate) {}

  /** 绩效评价 (issue 17 point 6): the panel's rating of a completed challenge project's target indicators. */
  public record PerformanceEvaluated(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotNull @Valid Counts counts, @NotNull Instant evaluatedAt) {}

  public record Counts(long met, long partlyMet, long notMet) {}
}
