package org.fundflow.intake.domain.voucher;

/** PENDING (registered, waiting for the program manager) -> APPROVED | REJECTED. */
public enum ProviderStatus { PENDING, APPROVED, REJECTED }
