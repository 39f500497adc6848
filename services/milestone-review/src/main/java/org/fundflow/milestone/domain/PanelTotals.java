package org.fundflow.milestone.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A panel's totals as every panel counts them (milestone reviews and 立项评审 alike): with {@code dropExtremesFrom} or
 * more experts the highest and the lowest total are dropped, the mean of the rest is rounded half up to 2 decimals.
 *
 * @param dropRule what was dropped and why, in words
 */
record PanelTotals(List<Integer> used, List<Integer> dropped, String dropRule, long sum, BigDecimal mean) {

  static PanelTotals of(List<Integer> totals, int dropExtremesFrom) {
    List<Integer> sorted = new ArrayList<>(totals);
    Collections.sort(sorted);
    List<Integer> dropped = new ArrayList<>();
    List<Integer> used = sorted;
    String dropRule;
    if (sorted.size() >= dropExtremesFrom) {
      dropped.add(sorted.get(sorted.size() - 1));
      dropped.add(sorted.get(0));
      used = sorted.subList(1, sorted.size() - 1);
      dropRule = sorted.size() + " experts (>= " + dropExtremesFrom + "): highest " + dropped.get(0) + " and lowest "
          + dropped.get(1) + " dropped";
    } else {
      dropRule = sorted.size() + " experts (< " + dropExtremesFrom + "): all totals used";
    }
    long sum = used.stream().mapToLong(Integer::longValue).sum();
    BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(used.size()), 2, RoundingMode.HALF_UP);
    return new PanelTotals(List.copyOf(used), List.copyOf(dropped), dropRule, sum, mean);
  }

  /** e.g. "5 experts (>= 5): highest 90 and lowest 60 dropped; mean of [70, 75, 80] = 225/3 = 75.00". */
  String explanation() {
    return dropRule + "; mean of " + used + " = " + sum + "/" + used.size() + " = " + mean.toPlainString();
  }
}
