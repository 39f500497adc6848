package org.fundflow.integrity.domain.rules.voucher;

import java.time.Instant;

/** What the voucher rules read from project-intake's voucher events (创新券, issue 18 point 2). */
public final class VoucherFacts {

  private VoucherFacts() {}

  /**
   * voucher-contracted: an enterprise used its voucher on a contract with a provider, with the contract document. The
   * legal representatives are the keyed hashes of their ID numbers (never the numbers), null when not given.
   */
  public record Contract(String eventId, String eventType, String voucherId, String programId, String enterpriseCode,
      String providerId, String providerCode, String providerName, long contractAmountFen, String contractSha256,
      Instant contractedAt, String enterpriseLegalRepresentativeHash, String providerLegalRepresentativeHash) {

    /** A contract whose event named no legal representative (before issue 18 point 2, or none given). */
    public Contract(String eventId, String eventType, String voucherId, String programId, String enterpriseCode,
        String providerId, String providerCode, String providerName, long contractAmountFen, String contractSha256,
        Instant contractedAt) {
      this(eventId, eventType, voucherId, programId, enterpriseCode, providerId, providerCode, providerName,
          contractAmountFen, contractSha256, contractedAt, null, null);
    }
  }

  /** voucher-redeemed: the provider claimed settlement and the enterprise confirmed delivery. */
  public record Redemption(String eventId, String eventType, String voucherId, String programId, String enterpriseCode,
      String providerId, String providerCode, String providerName, Instant expiresAt, Instant settlementClaimedAt) {}
}
