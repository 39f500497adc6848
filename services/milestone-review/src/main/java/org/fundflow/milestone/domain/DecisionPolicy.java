package org.fundflow.milestone.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The decision rule, from configuration: with at least {@code dropExtremesFrom} experts the
 * highest and the lowest total are dropped; mean >= passThreshold PASSED, >= conditionalThreshold
 * CONDITIONAL, else FAILED; a CONDITIONAL report may be rectified within {@code rectificationPeriod}.
 */
public record DecisionPolicy(BigDecimal passThreshold, BigDecimal conditionalThreshold, int dropExtremesFrom,
    Duration rectificationPeriod) {

  public static final DecisionPolicy DEFAULT =
      new DecisionPolicy(new BigDecimal("80"), new BigDecimal("60"), 5, Duration.ofDays(30));

  public DecisionPolicy {
    if (passThreshold.compareTo(conditionalThreshold) < 0) {
      throw new IllegalArgumentException("pass threshold below conditional threshold");
    }
    if (dropExtremesFrom < 3) {
      throw new IllegalArgumentException("dropping extremes needs at least 3 totals");
    }
    if (rectificationPeriod.isNegative() || rectificationPeriod.isZero()) {
      throw new IllegalArgumentException("rectification period must be positive");
    }
  }

  public Decision decide(List<Integer> totals, Instant now) {
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("no totals to decide on");
    }
    PanelTotals counted = PanelTotals.of(totals, dropExtremesFrom);
    BigDecimal mean = counted.mean();
    Outcome outcome;
    String band;
    if (mean.compareTo(passThreshold) >= 0) {
      outcome = Outcome.PASSED;
      band = "mean " + mean + " >= " + passThreshold.toPlainString() + ": PASSED";
    } else if (mean.compareTo(conditionalThreshold) >= 0) {
      outcome = Outcome.CONDITIONAL;
      band = conditionalThreshold.toPlainString() + " <= mean " + mean + " < " + passThreshold.toPlainString()
          + ": CONDITIONAL (rectify within " + rectificationPeriod.toDays() + " days)";
    } else {
      outcome = Outcome.FAILED;
      band = "mean " + mean + " < " + conditionalThreshold.toPlainString() + ": FAILED";
    }
    Instant rectifyBy = outcome == Outcome.CONDITIONAL ? now.plus(rectificationPeriod) : null;
    return new Decision(outcome, mean.toPlainString(), counted.used(), counted.dropped(),
        counted.explanation() + "; " + band,
        rectifyBy, now);
  }
}
