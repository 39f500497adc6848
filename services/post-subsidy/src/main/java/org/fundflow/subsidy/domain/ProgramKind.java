package org.fundflow.subsidy.domain;

/**
 * REWARD: fixed rewards per achievement (issue 18 point 3). VOUCHER: innovation vouchers (issue 18 point 1); its
 * disbursements pay the voucher share to the service provider.
 */
public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, REWARD, VOUCHER }
