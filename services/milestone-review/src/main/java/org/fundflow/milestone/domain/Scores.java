package org.fundflow.milestone.domain;

/** The rubric: deliverables 0-40, technical quality 0-30, budget execution 0-20, management 0-10 (= 100). */
public record Scores(int deliverables, int technicalQuality, int budgetExecution, int management) {

  public static final int MAX_DELIVERABLES = 40;
  public static final int MAX_TECHNICAL_QUALITY = 30;
  public static final int MAX_BUDGET_EXECUTION = 20;
  public static final int MAX_MANAGEMENT = 10;

  public Scores {
    check("deliverables", deliverables, MAX_DELIVERABLES);
    check("technicalQuality", technicalQuality, MAX_TECHNICAL_QUALITY);
    check("budgetExecution", budgetExecution, MAX_BUDGET_EXECUTION);
    check("management", management, MAX_MANAGEMENT);
  }

  public int total() {
    return deliverables + technicalQuality + budgetExecution + management;
  }

  private static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw DomainRuleException.rule("score-out-of-range", name + " must be between 0 and " + max + ", was " + value);
    }
  }
}
