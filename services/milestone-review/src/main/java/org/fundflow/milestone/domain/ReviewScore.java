package org.fundflow.milestone.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A proposal's review score: the mean of the experts' totals (0-100) to 2 places, half up, after dropping the highest
 * and the lowest total when at least {@code dropExtremesFrom} experts scored (the milestone panels' rule), with the
 * explanation of how it was computed.
 *
 * @param score decimal string, 2 places
 */
public record ReviewScore(String score, List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation,
    Instant reviewedAt) {

  public ReviewScore {
    totalsUsed = List.copyOf(totalsUsed);
    totalsDropped = List.copyOf(totalsDropped);
  }

  static ReviewScore of(List<Integer> totals, List<RubricCriterion> rubric, int dropExtremesFrom, Instant now) {
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("no totals to score");
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
      dropRule = sorted.size() + " experts (>= " + dropExtremesFrom + "): highest " + dropped.get(0) + " and lowest "
          + dropped.get(1) + " dropped";
    } else {
      dropRule = sorted.size() + " experts (< " + dropExtremesFrom + "): all totals used";
    }
    long sum = used.stream().mapToLong(Integer::longValue).sum();
    BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(used.size()), 2, RoundingMode.HALF_UP);
    String weights = String.join(" + ", rubric.stream().map(c -> c.name() + " " + c.weight()).toList());
    return new ReviewScore(mean.toPlainString(), List.copyOf(used), dropped,
        "each expert's total = the sum of its criterion scores (" + weights + " = 100); " + dropRule + "; mean of "
            + used + " = " + sum + "/" + used.size() + " = " + mean.toPlainString(), now);
  }
}
