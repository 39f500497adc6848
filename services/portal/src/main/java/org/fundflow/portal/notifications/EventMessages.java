package org.fundflow.portal.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

  /** rectifyBy: only with outcome CONDITIONAL; expertIds (issue 16, optional): the panel that decided. */
  public record MilestoneReviewCompleted(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String milestoneId, int sequence, @NotBlank String organisationCode, @NotBlank String outcome,
      @NotBlank String meanScore, Instant rectifyBy, @NotNull Instant completedAt, List<@NotBlank String> expertIds) {

    public MilestoneReviewCompleted {
      expertIds = expertIds == null ? List.of() : List.copyOf(expertIds);
    }
  }

  /**
   * Issue 16: experts put on a review panel, a milestone report's (projectId, sequence) or a proposal's before award
   * (proposalId); expertIds are the experts' login subjects.
   */
  public record ExpertsAssigned(@NotBlank String review, @NotBlank String programId, String projectId,
      Integer sequence, String reportId, String proposalId, @NotEmpty List<@NotBlank String> expertIds,
      @NotNull Instant assignedAt) {

    public boolean ofProposal() {
      return "PROPOSAL_REVIEW".equals(review);
    }
  }

  /** 立项评审: the panel's score of a proposal; expertIds (issue 16, optional): the panel that reviewed it. */
  public record ProposalReviewed(@NotBlank String proposalId, @NotBlank String programId, @NotBlank String score,
      @NotNull Instant reviewedAt, List<@NotBlank String> expertIds) {

    public ProposalReviewed {
      expertIds = expertIds == null ? List.of() : List.copyOf(expertIds);
    }
  }

  public record ExpertRecused(@NotBlank String projectId, @NotBlank String programId, @NotBlank String milestoneId,
      @NotBlank String reportId, @NotBlank String expertId, String reason) {}

  /** 回避 on a proposal's review panel (立项评审): the program manager fills the seat. */
  public record ReviewExpertRecused(@NotBlank String proposalId, @NotBlank String programId,
      @NotBlank String expertId, String reason) {}

  public record DisbursementCreated(@NotBlank String disbursementId, @NotBlank String programId, String projectId,
      @NotBlank String organisationCode, long amountFen, @NotNull Instant createdAt) {}

  /** Issue 16: a finance officer prepared it; a finance approver (not the preparer) is to release it. */
  public record DisbursementPrepared(@NotBlank String disbursementId, @NotBlank String programId, String projectId,
      String claimId, @NotBlank String organisationCode, long amountFen, @NotBlank String preparedBy,
      @NotNull Instant preparedAt) {}

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

  /** Issue 16: a hold ends by itself soon (integrity-check's sweep, once per hold). */
  public record HoldExpiring(@NotBlank String holdId, @NotNull @Valid Subject subject, @NotNull Instant endsAt) {}

  public record Rule(@NotBlank String name, int version) {}

  /** What a rule found; {@code values} may name the proposal or project it is about. */
  public record Evidence(Map<String, Object> values) {}

  public record FlagRaised(@NotBlank String flagId, @NotNull @Valid Rule rule, @NotNull @Valid Subject subject,
      @NotBlank String severity, List<Evidence> evidence) {

    public FlagRaised {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The first proposal or project the evidence names (PROPOSAL or PROJECT, id), if any. */
    public java.util.Optional<Map.Entry<String, String>> proposalOrProject() {
      for (Evidence e : evidence) {
        Map<String, Object> values = e.values() == null ? Map.of() : e.values();
        for (String key : List.of("proposalId", "projectId")) {
          if (values.get(key) instanceof String id && !id.isBlank()) {
            return java.util.Optional.of(Map.entry(key, id));
          }
        }
      }
      return java.util.Optional.empty();
    }
  }

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
