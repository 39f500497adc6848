package org.fundflow.integrity.domain;

/**
 * A named, versioned rule: a flag always says which version of which rule raised it.
 *
 * @param code the rule's name in the issue and the README (e.g. DUPLICATE_APPLICATION)
 * @param name the rule's name in published events (kebab-case, per the flag-raised schema)
 */
public record RuleRef(String code, String name, int version) {

  public static final RuleRef DUPLICATE_APPLICATION = new RuleRef("DUPLICATE_APPLICATION", "duplicate-application", 1);
  public static final RuleRef DISHONESTY_LIST = new RuleRef("DISHONESTY_LIST", "dishonesty-list", 1);
  public static final RuleRef CONFLICT_OF_INTEREST = new RuleRef("CONFLICT_OF_INTEREST", "conflict-of-interest", 1);
  public static final RuleRef PROJECT_FAILED = new RuleRef("PROJECT_FAILED", "failed-or-terminated-project", 2);
  public static final RuleRef EXPENDITURE_ANOMALY = new RuleRef("EXPENDITURE_ANOMALY", "expenditure-anomaly", 1);
  public static final RuleRef PAID_WHILE_LISTED_OR_HELD = new RuleRef("PAID_WHILE_LISTED_OR_HELD",
      "paid-while-listed-or-held", 1);
  // innovation vouchers (创新券, issue 18 point 2)
  public static final RuleRef VOUCHER_RELATED_PARTIES = new RuleRef("VOUCHER_RELATED_PARTIES",
      "voucher-related-parties", 2);
  public static final RuleRef VOUCHER_CONTRACT_REUSED = new RuleRef("VOUCHER_CONTRACT_REUSED",
      "voucher-contract-reused", 1);
  public static final RuleRef VOUCHER_REDEMPTION_OUTLIER = new RuleRef("VOUCHER_REDEMPTION_OUTLIER",
      "voucher-redemption-outlier", 1);
  public static final RuleRef VOUCHER_CLAIMED_AFTER_EXPIRY = new RuleRef("VOUCHER_CLAIMED_AFTER_EXPIRY",
      "voucher-claimed-after-expiry", 1);

  @Override
  public String toString() {
    return code + " v" + version;
  }
}
