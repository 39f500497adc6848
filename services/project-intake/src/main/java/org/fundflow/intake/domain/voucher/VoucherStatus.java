package org.fundflow.intake.domain.voucher;

/**
 * ISSUED (usable until it expires) -> CONTRACTED (used on a service contract with an approved provider) ->
 * SETTLEMENT_CLAIMED (the provider claims settlement after delivery) -> REDEEMED (the enterprise confirmed delivery:
 * post-subsidy pays the provider the voucher share, once). Expiry is not a status: an ISSUED voucher past its
 * {@code expiresAt} cannot be used.
 */
public enum VoucherStatus { ISSUED, CONTRACTED, SETTLEMENT_CLAIMED, REDEEMED }
