package org.fundflow.intake.domain;

/** How a GENERAL award is paid: a share on award and the balance on final acceptance; sums to 100. */
public record FundingSplit(int advancePercent, int balancePercent) {

  public FundingSplit {
    if (advancePercent < 0 || balancePercent < 0 || advancePercent + balancePercent != 100) {
      throw IntakeRefusal.rule("invalid-funding-split", "Invalid funding split",
          "advancePercent + balancePercent must be exactly 100, each at least 0 (got " + advancePercent + " + "
              + balancePercent + ")");
    }
  }
}
