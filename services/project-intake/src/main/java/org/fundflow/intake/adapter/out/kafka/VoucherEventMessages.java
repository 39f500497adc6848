package org.fundflow.intake.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.Message;
import org.fundflow.intake.adapter.out.kafka.IntakeEventMessages.PledgeV1;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.voucher.ContractDocument;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherContract;

/**
 * The innovation-voucher messages intake publishes (issue 18 point 1; shared-schemas/project-intake/voucher-*.v1,
 * service-provider-approved.v1). On {@code intake.proposal-events}, keyed by the voucher id (the provider id for a
 * provider's approval), see docs/adr/0009.
 */
public final class VoucherEventMessages {

  private VoucherEventMessages() {}

  /** The key of a voucher or provider event, null for every other event. */
  static String key(IntakeEvent e) {
    if (e instanceof IntakeEvent.VoucherIssued v) {
      return v.voucher().id();
    }
    if (e instanceof IntakeEvent.VoucherContracted v) {
      return v.voucher().id();
    }
    if (e instanceof IntakeEvent.VoucherRedeemed v) {
      return v.voucher().id();
    }
    if (e instanceof IntakeEvent.ServiceProviderApproved p) {
      return p.provider().id();
    }
    return null;
  }

  /** The message of a voucher or provider event, null for every other event. */
  static Message toMessage(IntakeEvent e) {
    if (e instanceof IntakeEvent.VoucherIssued v) {
      return VoucherIssuedV1.of(v.voucher(), v.at());
    }
    if (e instanceof IntakeEvent.VoucherContracted v) {
      return VoucherContractedV1.of(v.voucher(), v.at());
    }
    if (e instanceof IntakeEvent.VoucherRedeemed v) {
      return VoucherRedeemedV1.of(v.voucher(), v.at());
    }
    if (e instanceof IntakeEvent.ServiceProviderApproved p) {
      return ServiceProviderApprovedV1.of(p.provider(), p.at());
    }
    return null;
  }

  private static List<String> names(List<ServiceCategory> categories) {
    return categories.stream().map(Enum::name).toList();
  }

  public record ContractDocumentV1(String documentId, String name, String mediaType, long sizeBytes, String sha256) {
    static ContractDocumentV1 of(ContractDocument d) {
      return new ContractDocumentV1(d.documentId(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256());
    }
  }

  /** A voucher issued to a small or medium enterprise. */
  public record VoucherIssuedV1(String voucherId, String programId, String organisationCode, String organisationName,
      long faceValueFen, int ratioBasisPoints, List<String> eligibleCategories, int year, int sequence,
      PledgeV1 pledge, boolean smeDeclared, Instant issuedAt, Instant expiresAt) implements Message {

    static VoucherIssuedV1 of(Voucher v, Instant at) {
      return new VoucherIssuedV1(v.id(), v.programId(), v.organisationCode(), v.organisationName(), v.faceValueFen(),
          v.ratioBasisPoints(), names(v.eligibleCategories()), v.year(), v.sequence(),
          new PledgeV1(v.pledge().textVersion(), v.pledge().acceptedAt()), v.smeDeclared(), at, v.expiresAt());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.VOUCHER_ISSUED;
    }
  }

  /**
   * A voucher used on a service contract with an approved provider. The two legal representatives travel only as the
   * suite-wide keyed hashes of their ID numbers (integrity-check's related-party rule compares them), each left out
   * when the application or the registration did not give one.
   */
  public record VoucherContractedV1(String voucherId, String programId, String organisationCode, String providerId,
      String providerOrganisationCode, String providerName, String category, long contractAmountFen,
      @JsonInclude(Include.NON_NULL) String contractNumber, ContractDocumentV1 contractDocument, long faceValueFen,
      int ratioBasisPoints, Instant expiresAt, Instant contractedAt,
      @JsonInclude(Include.NON_NULL) String legalRepresentativeIdHash,
      @JsonInclude(Include.NON_NULL) String providerLegalRepresentativeIdHash) implements Message {

    static VoucherContractedV1 of(Voucher v, Instant at) {
      VoucherContract c = v.contract();
      return new VoucherContractedV1(v.id(), v.programId(), v.organisationCode(), c.providerId(),
          c.providerOrganisationCode(), c.providerName(), c.category().name(), c.amountFen(), c.contractNumber(),
          ContractDocumentV1.of(c.document()), v.faceValueFen(), v.ratioBasisPoints(), v.expiresAt(), at,
          v.legalRepresentativeIdHash(), c.providerLegalRepresentativeIdHash());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.VOUCHER_CONTRACTED;
    }
  }

  /**
   * Delivery confirmed by the enterprise after the provider claimed settlement: post-subsidy pays the provider the
   * voucher share (contract amount x ratio, capped by the face value), once per voucher.
   */
  public record VoucherRedeemedV1(String voucherId, String programId, String organisationCode, String providerId,
      String providerOrganisationCode, String providerName, String category, long contractAmountFen,
      long faceValueFen, int ratioBasisPoints, String contractDocumentSha256, Instant issuedAt, Instant expiresAt,
      Instant contractedAt, Instant settlementClaimedAt, Instant deliveryConfirmedAt) implements Message {

    static VoucherRedeemedV1 of(Voucher v, Instant at) {
      VoucherContract c = v.contract();
      return new VoucherRedeemedV1(v.id(), v.programId(), v.organisationCode(), c.providerId(),
          c.providerOrganisationCode(), c.providerName(), c.category().name(), c.amountFen(), v.faceValueFen(),
          v.ratioBasisPoints(), c.document().sha256(), v.issuedAt(), v.expiresAt(), c.registeredAt(),
          v.settlementClaimedAt(), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.VOUCHER_REDEEMED;
    }
  }

  /** A service provider approved by a program manager: vouchers may now be used on contracts with it. */
  public record ServiceProviderApprovedV1(String providerId, String organisationCode, String name,
      List<String> categories, Instant approvedAt) implements Message {

    static ServiceProviderApprovedV1 of(ServiceProvider p, Instant at) {
      return new ServiceProviderApprovedV1(p.id(), p.organisationCode(), p.name(), names(p.categories()), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.SERVICE_PROVIDER_APPROVED;
    }
  }
}
