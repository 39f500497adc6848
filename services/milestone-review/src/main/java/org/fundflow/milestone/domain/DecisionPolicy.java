package org.fundflow.milestone.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
    List<Integer> sorted = new ArrayList<>(totals);
    Collections.sort(sorted);
    List<Integer> dropped = new ArrayList<>();
    List<Integer> used = sorted;
    String dropRule;
    if (sorted.size() >= dropExtremesFrom) {
      dropped.add(sorted.get(sorted.size() - 1));
      dropped.add(sorted.get(0));
      used = sorted.subList(1, sorted.size() - 1);
      dropRule = sorted.size() + " experts (>= " + dropExtremesFrom + "): highest " + dropped.get(0)
          + " and lowest " + dropped.get(1) + " dropped";
    } else {
      dropRule = sorted.size() + " experts (< " + dropExtremesFrom + "): all totals used";
    }
    long sum = used.stream().mapToLong(Integer::longValue).sum();
    BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(used.size()), 2, RoundingMode.HALF_UP);
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
    return new Decision(outcome, mean.toPlainString(), List.copyOf(used), dropped,
        dropRule + "; mean of " + used + " = " + sum + "/" + used.size() + " = " + mean + "; " + band,
        rectifyBy, now);
  }
}
