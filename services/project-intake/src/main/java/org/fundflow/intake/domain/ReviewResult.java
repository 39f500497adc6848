package org.fundflow.intake.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposal's expert review score as milestone-review published it ({@code proposal-reviewed}): the panel's mean
 * (decimal string, 2 places) after dropping the highest and lowest total with 5 or more experts, and how it was
 * computed. Recorded once per proposal (a redelivered event changes nothing).
 */
public record ReviewResult(String proposalId, String programId, String score, List<Integer> totalsUsed,
    List<Integer> totalsDropped, String explanation, int panelSize, Instant reviewedAt) {

  public ReviewResult {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(score, "score");
    new BigDecimal(score); // a decimal or nothing
    totalsUsed = totalsUsed == null ? List.of() : List.copyOf(totalsUsed);
    totalsDropped = totalsDropped == null ? List.of() : List.copyOf(totalsDropped);
  }

  public BigDecimal scoreValue() {
    return new BigDecimal(score);
  }
}
