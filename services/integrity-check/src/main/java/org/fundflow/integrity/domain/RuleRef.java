package org.fundflow.integrity.domain;

/** A named, versioned rule: a flag always says which version of which rule raised it. */
public record RuleRef(String name, int version) {

  public static final RuleRef DUPLICATE_APPLICATION = new RuleRef("DUPLICATE_APPLICATION", 1);
  public static final RuleRef DISHONESTY_LIST = new RuleRef("DISHONESTY_LIST", 1);
  public static final RuleRef CONFLICT_OF_INTEREST = new RuleRef("CONFLICT_OF_INTEREST", 1);
  public static final RuleRef PROJECT_FAILED = new RuleRef("PROJECT_FAILED", 1);
  public static final RuleRef EXPENDITURE_ANOMALY = new RuleRef("EXPENDITURE_ANOMALY", 1);

  @Override
  public String toString() {
    return name + " v" + version;
  }
}
