package org.fundflow.subsidy.domain;

/** GENERAL programs: advance on award, balance on final acceptance; the two add up to 100. */
public record FundingSplit(int advancePercent, int balancePercent) {

  public FundingSplit {
    if (advancePercent < 0 || balancePercent < 0 || advancePercent + balancePercent != 100) {
      throw new IllegalArgumentException("funding split must be two percentages adding up to 100");
    }
  }

  /** awarded × advance % HALF_UP to the fen. */
  public long advanceOf(long awardedFen) {
    return Money.percentOf(awardedFen, advancePercent);
  }

  /** The balance is the remainder, so advance + balance = awarded to the fen. */
  public long balanceOf(long awardedFen) {
    return awardedFen - advanceOf(awardedFen);
  }
}
