package org.fundflow.intake.domain;

/**
 * REWARD: fixed rewards per recognised achievement (奖励类, issue 18 point 3, {@link RewardTable}). VOUCHER: innovation
 * vouchers (创新券) for small and medium enterprises (issue 18 point 1, {@code domain.voucher}).
 */
public enum ProgramKind { GENERAL, CHALLENGE, POST_SUBSIDY, REWARD, VOUCHER }
