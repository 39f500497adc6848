package org.fundflow.subsidy.domain;

/** What caused a disbursement: each kind has a deterministic id rule, so a trigger pays once. */
public enum TriggerKind {
  ADVANCE("adv-"), BALANCE("bal-"), TRANCHE("tr-"), POST_SUBSIDY("ps-"), REWARD("rw-");

  private final String prefix;

  TriggerKind(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}
