package org.fundflow.milestone.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How a panel's scores became an outcome: the totals that counted, the ones dropped (highest and
 * lowest with 5 or more experts), their mean (exact, 2 decimals, kept as text) and the rule applied.
 */
public record Decision(
    Outcome outcome,
    String meanScore,
    List<Integer> totalsUsed,
    List<Integer> totalsDropped,
    String rule,
    Instant rectifyBy,
    Instant decidedAt) {

  public Decision {
    totalsUsed = List.copyOf(totalsUsed);
    totalsDropped = List.copyOf(totalsDropped);
  }

  public BigDecimal mean() {
    return new BigDecimal(meanScore);
  }
}
