package org.fundflow.milestone.domain;

import java.time.Instant;
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
    PanelTotals counted = PanelTotals.of(totals, dropExtremesFrom);
    String weights = String.join(" + ", rubric.stream().map(c -> c.name() + " " + c.weight()).toList());
    return new ReviewScore(counted.mean().toPlainString(), counted.used(), counted.dropped(),
        "each expert's total = the sum of its criterion scores (" + weights + " = 100); " + counted.explanation(), now);
  }
}
