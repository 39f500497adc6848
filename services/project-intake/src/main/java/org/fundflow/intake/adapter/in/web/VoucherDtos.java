package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.intake.domain.voucher.ContractDocument;
import org.fundflow.intake.domain.voucher.ProviderStatus;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherContract;
import org.fundflow.intake.domain.voucher.VoucherRule;
import org.fundflow.intake.domain.voucher.VoucherStatus;
import org.fundflow.platform.validation.ValidNationalId;

/** Request and response bodies of the voucher and service-provider API (issue 18 point 1). */
public final class VoucherDtos {

  private VoucherDtos() {}

  /** A VOUCHER program's settings; {@code ratio} is an exact decimal above 0 and at most 1 (e.g. 0.50). */
  public record VoucherRuleBody(@Positive long faceValueFen, @Positive int validityDays,
      @Positive long annualCapPerEnterpriseFen, @NotEmpty List<@NotNull ServiceCategory> eligibleCategories,
      @NotNull @Schema(description = "Exact decimal, e.g. 0.50 (at most 4 decimals)", example = "0.50") BigDecimal ratio,
      @NotEmpty List<@NotBlank String> districtCodes) {

    VoucherRule toDomain() {
      return new VoucherRule(faceValueFen, validityDays, annualCapPerEnterpriseFen, eligibleCategories,
          VoucherRule.basisPoints(ratio), districtCodes);
    }
  }

  public record VoucherRuleView(long faceValueFen, int validityDays, long annualCapPerEnterpriseFen,
      int vouchersPerEnterprisePerYear, List<ServiceCategory> eligibleCategories, BigDecimal ratio,
      int ratioBasisPoints, List<String> districtCodes) {

    static VoucherRuleView of(VoucherRule r) {
      return r == null ? null : new VoucherRuleView(r.faceValueFen(), r.validityDays(), r.annualCapPerEnterpriseFen(),
          r.vouchersPerEnterprisePerYear(), r.eligibleCategories(), r.ratio(), r.ratioBasisPoints(), r.districtCodes());
    }
  }

  public record PledgeBody(boolean accepted, @Size(max = 100) String textVersion) {}

  /**
   * An application: the integrity pledge with the small-and-medium-enterprise declaration and, optionally, the
   * enterprise's legal representative's national ID number (GB 11643; kept only as a keyed hash, never shown back).
   */
  public record ApplyRequest(@NotBlank String programId, @NotNull @Valid PledgeBody pledge, boolean smeDeclared,
      @Schema(description = "Optional: the legal representative's (法定代表人) resident ID number, GB 11643. Checked, "
          + "then kept only as the suite-wide keyed hash for integrity-check's related-party rule; never shown back",
          example = "120101198004135929") @ValidNationalId String legalRepresentativeNationalId) {

    @Override
    public String toString() {
      return "ApplyRequest[programId=" + programId + ", legalRepresentativeNationalId="
          + (legalRepresentativeNationalId == null ? "null" : "<redacted>") + "]";
    }
  }

  public record ContractRequest(@NotBlank String providerId, @NotNull ServiceCategory category,
      @Positive long amountFen, @Size(max = 100) String contractNumber, @NotBlank String documentId) {}

  public record ContractDocumentView(String documentId, String name, String mediaType, long sizeBytes, String sha256) {
    static ContractDocumentView of(ContractDocument d) {
      return d == null ? null : new ContractDocumentView(d.documentId(), d.name(), d.mediaType(), d.sizeBytes(),
          d.sha256());
    }
  }

  public record ContractView(String providerId, String providerOrganisationCode, String providerName,
      ServiceCategory category, long amountFen, String contractNumber, ContractDocumentView document,
      Instant registeredAt) {
    static ContractView of(VoucherContract c) {
      return c == null ? null : new ContractView(c.providerId(), c.providerOrganisationCode(), c.providerName(),
          c.category(), c.amountFen(), c.contractNumber(), ContractDocumentView.of(c.document()), c.registeredAt());
    }
  }

  /**
   * A voucher; {@code lastValidDay} is the Asia/Shanghai day it can last be used on. Of the legal representative only
   * whether the application gave one (never the number, nor its hash).
   */
  public record VoucherView(String id, String programId, String organisationCode, String organisationName, int year,
      int sequence, long faceValueFen, BigDecimal ratio, List<ServiceCategory> eligibleCategories,
      VoucherStatus status, Instant issuedAt, Instant expiresAt, LocalDate lastValidDay, boolean expired,
      ContractView contract, Instant settlementClaimedAt, Instant deliveryConfirmedAt,
      boolean legalRepresentativeGiven) {

    static VoucherView of(Voucher v, Instant now) {
      return new VoucherView(v.id(), v.programId(), v.organisationCode(), v.organisationName(), v.year(),
          v.sequence(), v.faceValueFen(), BigDecimal.valueOf(v.ratioBasisPoints(), 4), v.eligibleCategories(),
          v.status(), v.issuedAt(), v.expiresAt(), v.lastValidDay(), v.expiredAt(now), ContractView.of(v.contract()),
          v.settlementClaimedAt(), v.deliveryConfirmedAt(), v.legalRepresentativeIdHash() != null);
    }
  }

  /** A registration; {@code legalRepresentativeNationalId} optional (GB 11643, kept only as a keyed hash). */
  public record RegisterProviderRequest(@NotBlank String organisationCode, @NotBlank @Size(max = 300) String name,
      @NotEmpty List<@NotNull ServiceCategory> categories, @Size(max = 300) String contact,
      @Schema(description = "Optional: the legal representative's (法定代表人) resident ID number, GB 11643. Checked, "
          + "then kept only as the suite-wide keyed hash for integrity-check's related-party rule; never shown back",
          example = "120101198004135929") @ValidNationalId String legalRepresentativeNationalId) {

    @Override
    public String toString() {
      return "RegisterProviderRequest[organisationCode=" + organisationCode + ", legalRepresentativeNationalId="
          + (legalRepresentativeNationalId == null ? "null" : "<redacted>") + "]";
    }
  }

  public record RejectProviderRequest(@NotBlank @Size(max = 2000) String reason) {}

  /** A registration; of the legal representative only whether one was given (never the number, nor its hash). */
  public record ProviderView(String id, String organisationCode, String name, List<ServiceCategory> categories,
      String contact, ProviderStatus status, Instant registeredAt, Instant decidedAt, String decisionNote,
      boolean legalRepresentativeGiven) {
    static ProviderView of(ServiceProvider p) {
      return new ProviderView(p.id(), p.organisationCode(), p.name(), p.categories(), p.contact(), p.status(),
          p.registeredAt(), p.decidedAt(), p.decisionNote(), p.legalRepresentativeIdHash() != null);
    }
  }

  /** What the public list shows of an approved provider (no contact person, no decision details). */
  public record PublicProviderView(String id, String organisationCode, String name, List<ServiceCategory> categories) {
    static PublicProviderView of(ServiceProvider p) {
      return new PublicProviderView(p.id(), p.organisationCode(), p.name(), p.categories());
    }
  }
}
