package org.fundflow.intake.domain;

/** From this amount of the base on, this rate applies (basis points: 3000 = 30 %). */
public record SubsidyTier(long fromFen, int rateBasisPoints) {

  public SubsidyTier {
    if (fromFen < 0 || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule",
          "a tier needs fromFen >= 0 and 0 <= rateBasisPoints <= 10000");
    }
  }
}
