package org.fundflow.subsidy.domain;

import java.time.Instant;

/**
 * What a terminated project leaves of its award (issue 17 point 5): awarded minus what was released (paid) to it,
 * once every open disbursement of the project is cancelled. Published once per project for project-intake, which
 * gives it back to the program's budget.
 *
 * @param terminationEventId the project-terminated event this remainder follows
 */
public record AwardRemainder(String projectId, String programId, String organisationCode, long awardedFen,
    long paidFen, long remainderFen, String explanation, String terminationEventId, Instant releasedAt) {

  public AwardRemainder {
    if (awardedFen < 0 || paidFen < 0 || remainderFen < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
  }

  /** Awarded minus paid, never below 0 (more paid than awarded cannot happen, but is not given back twice). */
  public static AwardRemainder of(String projectId, String programId, String organisationCode, long awardedFen,
      long paidFen, String terminationEventId, Instant at) {
    long remainder = Math.max(0, awardedFen - paidFen);
    return new AwardRemainder(projectId, programId, organisationCode, awardedFen, paidFen, remainder,
        "awarded " + Money.format(awardedFen) + " - released " + Money.format(paidFen) + " = "
            + Money.format(remainder) + " returned to program " + programId,
        terminationEventId, at);
  }
}
