package org.fundflow.integrity.adapter.in.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/**
 * integrity-check's own copies of the events it consumes: only the fields its rules need
 * (tolerant reader: unknown fields are ignored), with what they require stated as constraints.
 */
public final class InboundMessages {

  private InboundMessages() {}

  public record PersonData(String personIdHash, String organisationCode, String role) {}

  public record ProposalSubmittedMessage(
      @NotBlank String proposalId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotBlank String title,
      @JsonProperty("abstract") @NotNull String abstractText,
      @Valid PersonData principalInvestigator,
      List<PersonData> team,
      @NotNull Instant submittedAt) {}

  public record ExpertEvaluationSubmittedMessage(
      @NotBlank String projectId,
      String programId,
      @NotBlank String reportId,
      @NotBlank String expertId,
      String expertPersonIdHash,
      String expertOrganisationCode,
      @NotBlank String applicantOrganisationCode,
      List<String> teamOrganisationCodes,
      Instant submittedAt) {}

  public record ProjectTerminatedMessage(
      @NotBlank String projectId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotBlank String reason,
      @NotNull Instant terminatedAt) {}

  public record DiligenceAssessedMessage(
      @NotBlank String projectId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      String milestoneId,
      String reportId,
      @NotNull Boolean terminating,
      @NotNull Boolean diligent,
      @NotNull Boolean misconduct,
      @NotBlank String explanation,
      List<String> evidenceRefs,
      @NotBlank String assessedBy,
      @NotNull Instant assessedAt) {}

  public record RecoveryOpenedMessage(
      @NotBlank String recoveryId,
      @NotBlank String caseId,
      @NotBlank String projectId,
      @NotBlank String organisationCode,
      @NotNull @PositiveOrZero Long amountFen,
      @NotNull Instant openedAt) {}

  public record RecoverySettledMessage(
      @NotBlank String recoveryId,
      @NotBlank String caseId,
      @NotBlank String projectId,
      @NotBlank String organisationCode,
      @NotNull @PositiveOrZero Long amountFen,
      @NotBlank String outcome,
      @NotNull Instant settledAt) {}

  public record ExpenditureClaimSubmittedMessage(
      @NotBlank String claimId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotNull Integer fiscalYear,
      @NotNull @PositiveOrZero Long expenditureThisYearFen,
      @NotNull @PositiveOrZero Long expenditureLastYearFen) {}

  public record DisbursementCreatedMessage(
      @NotBlank String disbursementId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotNull @PositiveOrZero Long amountFen,
      Instant createdAt) {}

  public record DisbursementReleasedMessage(
      @NotBlank String disbursementId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotNull @PositiveOrZero Long amountFen,
      Instant releasedAt,
      String releasedBy,
      String paymentReference) {}

  /** voucher-contracted (创新券): the fields the voucher rules read. */
  public record VoucherContractedMessage(
      @NotBlank String voucherId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotBlank String providerId,
      @NotBlank String providerOrganisationCode,
      @NotBlank String providerName,
      @NotNull @PositiveOrZero Long contractAmountFen,
      @NotNull @Valid ContractDocument contractDocument,
      @NotNull Instant contractedAt,
      @Pattern(regexp = "^[0-9a-f]{64}$") String legalRepresentativeIdHash,
      @Pattern(regexp = "^[0-9a-f]{64}$") String providerLegalRepresentativeIdHash) {}

  public record ContractDocument(@NotBlank String sha256) {}

  /** voucher-redeemed (创新券): the fields the voucher rules read. */
  public record VoucherRedeemedMessage(
      @NotBlank String voucherId,
      @NotBlank String programId,
      @NotBlank String organisationCode,
      @NotBlank String providerId,
      @NotBlank String providerOrganisationCode,
      @NotBlank String providerName,
      @NotNull Instant expiresAt,
      @NotNull Instant settlementClaimedAt) {}
}
