package org.fundflow.subsidy.adapter.in.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.fundflow.subsidy.domain.Money;

/**
 * This service's own copies of the events it consumes: only the fields it needs (tolerant reader,
 * unknown fields are ignored), with the constraints it relies on (violations go to the DLQ).
 */
public final class Messages {

  private Messages() {}

  public record Split(@NotNull @Min(0) @Max(100) Integer advancePercent, @NotNull @Min(0) @Max(100) Integer balancePercent) {}

  public record Tier(@NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long fromFen,
      @NotNull @Min(0) @Max(10_000) Integer rateBasisPoints) {}

  public record Rule(@NotBlank String base, @NotEmpty List<@Valid @NotNull Tier> tiers,
      // no cap = the field left out (or null); a cap is positive: 0 is malformed (DLQ), never "no cap"
      @Positive @Max(Money.MAX_FEN) Long capPerOrganisationPerYearFen,
      @PositiveOrZero @Max(Money.MAX_FEN) Long minimumIncreaseFen) {}

  /** program-published and program-changed carry the same full state. */
  public record ProgramMessage(@NotBlank String programId, @NotBlank String kind, String name,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long budgetFen, @Valid Split fundingSplit,
      @Valid Rule postSubsidyRule,
      @NotNull @PositiveOrZero Long revision) {}

  public record Milestone(@NotBlank String milestoneId, @NotNull Integer sequence,
      @NotNull @Min(0) @Max(100) Integer tranchePercent) {}

  public record ProposalAwardedMessage(@NotBlank String proposalId, @NotBlank String projectId,
      @NotBlank String programId, @NotBlank String programKind, @NotBlank String organisationCode,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long awardedAmountFen, @Valid Split fundingSplit,
      List<@Valid @NotNull Milestone> milestones) {}

  public record MilestoneAcceptedMessage(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String programKind, @NotBlank String milestoneId, @NotNull Integer sequence,
      @NotNull @Min(0) @Max(100) Integer tranchePercent,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long awardedAmountFen,
      @NotBlank String organisationCode, @NotNull Boolean lastMilestone) {}

  public record ProjectCompletedMessage(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String programKind, @NotBlank String organisationCode,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long awardedAmountFen) {}

  /** {@code awardedAmountFen}: added with issue 17 (optional: earlier events do not carry it). */
  public record ProjectTerminatedMessage(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String reason,
      @PositiveOrZero @Max(Money.MAX_FEN) Long awardedAmountFen) {}

  /** project-suspended and project-resumed: the same fields this service needs. */
  public record ProjectSuspensionMessage(@NotBlank String projectId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String reason) {}

  public record Subject(@NotBlank String type, @NotBlank String id) {}

  public record HoldPlacedMessage(@NotBlank String holdId, @NotNull @Valid Subject subject, String reason) {}

  /** integrity-check's case-decided as far as 追回 needs it (misconduct, projectId, recoveryAmountFen: issue 17). */
  public record CaseDecidedMessage(@NotBlank String caseId, @NotNull @Valid Subject subject, @NotBlank String decision,
      Boolean misconduct, String projectId, @jakarta.validation.constraints.Positive @Max(Money.MAX_FEN) Long recoveryAmountFen) {}

  public record HoldLiftedMessage(@NotBlank String holdId, @NotNull @Valid Subject subject, String reason) {}

  public record ClaimVerifiedMessage(@NotBlank String claimId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String outcome,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long subsidyFen,
      String explanation) {}

  /** intake's voucher-redeemed (issue 18): what the voucher share is computed from and who is paid. */
  public record VoucherRedeemedMessage(@NotBlank String voucherId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String providerOrganisationCode, @NotBlank String providerName,
      @NotNull @Positive @Max(Money.MAX_FEN) Long contractAmountFen, @NotNull @Positive @Max(Money.MAX_FEN) Long faceValueFen,
      @NotNull @Min(1) @Max(10_000) Integer ratioBasisPoints) {}
}
