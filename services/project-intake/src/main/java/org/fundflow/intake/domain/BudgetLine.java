package org.fundflow.intake.domain;

public record BudgetLine(String category, long amountFen) {

  public BudgetLine {
    if (category == null || category.isBlank() || amountFen <= 0) {
      throw IntakeRefusal.rule("invalid-budget", "Invalid budget", "every budget line needs a category and a positive amountFen");
    }
  }
}
