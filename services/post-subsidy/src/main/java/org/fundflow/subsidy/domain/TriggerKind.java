package org.fundflow.subsidy.domain;

/** What caused a disbursement: each kind has a deterministic id rule, so a trigger pays once. */
public enum TriggerKind {
  ADVANCE("adv-"), BALANCE("bal-"), TRANCHE("tr-"), POST_SUBSIDY("ps-"), REWARD("rw-"),
  /** A redeemed innovation voucher (issue 18): the voucher share, paid to the provider once per voucher. */
  VOUCHER("vs-");

  private final String prefix;

  TriggerKind(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}
