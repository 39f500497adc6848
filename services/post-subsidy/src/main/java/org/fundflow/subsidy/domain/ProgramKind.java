package org.fundflow.subsidy.domain;

/** VOUCHER: innovation vouchers (issue 18); its disbursements pay the voucher share to the service provider. */
public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, VOUCHER }
