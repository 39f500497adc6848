package org.fundflow.intake.domain;

/** VOUCHER: innovation vouchers (创新券) for small and medium enterprises (issue 18 point 1, {@code domain.voucher}). */
public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, VOUCHER }
