package org.fundflow.intake.domain.voucher;

import java.time.Instant;

/**
 * The service contract a voucher is used on: with an approved provider, for an eligible category, for an amount in
 * fen, with its contract document.
 *
 * @param providerLegalRepresentativeIdHash the provider's legal representative (keyed hash of the ID number) as its
 *     registration gave it when the contract was registered; null when it gave none
 */
public record VoucherContract(String providerId, String providerOrganisationCode, String providerName,
    ServiceCategory category, long amountFen, String contractNumber, ContractDocument document, String registeredBy,
    Instant registeredAt, String providerLegalRepresentativeIdHash) {

  public VoucherContract {
    LegalRepresentative.requireHash(providerLegalRepresentativeIdHash);
  }
}
