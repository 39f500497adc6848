package org.fundflow.intake.application.port.in;

import java.util.List;
import org.fundflow.intake.domain.voucher.ProviderStatus;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Innovation vouchers (创新券) and the service providers they pay (issue 18 point 1). */
public interface VoucherUseCase {

  /**
   * An application. {@code legalRepresentativeNationalId}: the enterprise's legal representative's national ID number
   * (GB 11643), optional; the service checks and hashes it at once and keeps only the hash.
   */
  record ApplyCommand(VoucherActor actor, String programId, String idempotencyKey, boolean pledgeAccepted,
      String pledgeTextVersion, boolean smeDeclared, String legalRepresentativeNationalId) {

    public ApplyCommand(VoucherActor actor, String programId, String idempotencyKey, boolean pledgeAccepted,
        String pledgeTextVersion, boolean smeDeclared) {
      this(actor, programId, idempotencyKey, pledgeAccepted, pledgeTextVersion, smeDeclared, null);
    }

    /**
     * What makes two applications "the same request": the legal representative by the keyed hash of the number
     * (never the number; without one the fingerprint is the one applications had before the field existed).
     */
    public List<String> requestFingerprint(String legalRepresentativeIdHash) {
      List<String> fields = new java.util.ArrayList<>(List.of("programId=" + programId,
          "pledgeAccepted=" + pledgeAccepted, "pledgeTextVersion=" + pledgeTextVersion, "smeDeclared=" + smeDeclared));
      if (legalRepresentativeIdHash != null) {
        fields.add("legalRepresentativeIdHash=" + legalRepresentativeIdHash);
      }
      return fields;
    }

    @Override
    public String toString() {
      return "ApplyCommand[programId=" + programId + ", legalRepresentativeNationalId="
          + (legalRepresentativeNationalId == null ? "null" : "<redacted>") + "]";
    }
  }

  record ContractCommand(VoucherActor actor, String voucherId, String providerId, ServiceCategory category,
      long amountFen, String contractNumber, String documentId, ExpectedVersion expected) {}

  record ListQuery(String programId, VoucherStatus status, String afterId, int limit) {}

  /**
   * A provider's registration. {@code legalRepresentativeNationalId}: its legal representative's national ID number
   * (GB 11643), optional; checked and hashed at once, only the hash is kept.
   */
  record RegisterProviderCommand(VoucherActor actor, String organisationCode, String name,
      List<ServiceCategory> categories, String contact, String legalRepresentativeNationalId) {

    public RegisterProviderCommand(VoucherActor actor, String organisationCode, String name,
        List<ServiceCategory> categories, String contact) {
      this(actor, organisationCode, name, categories, contact, null);
    }

    @Override
    public String toString() {
      return "RegisterProviderCommand[organisationCode=" + organisationCode + ", legalRepresentativeNationalId="
          + (legalRepresentativeNationalId == null ? "null" : "<redacted>") + "]";
    }
  }

  Mono<Voucher> apply(ApplyCommand command);

  Mono<Voucher> get(VoucherActor actor, String voucherId);

  Flux<Voucher> list(VoucherActor actor, ListQuery query);

  /** The voucher when the actor is its enterprise and it can still take a contract document (ISSUED). */
  Mono<Voucher> documentsChangeable(VoucherActor actor, String voucherId);

  Mono<Voucher> contract(ContractCommand command);

  Mono<Voucher> claimSettlement(VoucherActor actor, String voucherId, ExpectedVersion expected);

  Mono<Voucher> confirmDelivery(VoucherActor actor, String voucherId, ExpectedVersion expected);

  Mono<ServiceProvider> register(RegisterProviderCommand command);

  Mono<ServiceProvider> approve(VoucherActor actor, String providerId, ExpectedVersion expected);

  Mono<ServiceProvider> reject(VoucherActor actor, String providerId, String reason,
      ExpectedVersion expected);

  Mono<ServiceProvider> provider(VoucherActor actor, String providerId);

  /** Staff: every registration by status; nobody else calls it. */
  Flux<ServiceProvider> providers(ProviderStatus status, ServiceCategory category, String afterId, int limit);

  /** The public list: approved providers, by category, without login. */
  Flux<ServiceProvider> approvedProviders(ServiceCategory category, String afterId, int limit);
}
