package org.fundflow.subsidy.domain;

/**
 * This service's copy of a program (owned by project-intake) with the budget totals kept here.
 * (The stored fields of the {@code programs} documents keep their first names: {@code committedFen}
 * holds reservedForReleaseFen, {@code releasedFen} holds paidFen.)
 *
 * @param reservedForReleaseFen reserved for releases in flight (a payment being released, not yet confirmed)
 * @param paidFen paid out: the sum of the released disbursements
 */
public record Program(String programId, ProgramKind kind, String name, long budgetFen, FundingSplit fundingSplit,
    SubsidyRule postSubsidyRule, long revision, long reservedForReleaseFen, long paidFen) {

  /** Paid or reserved for a release in flight: what the budget guard counts. */
  public long allocatedFen() {
    return reservedForReleaseFen + paidFen;
  }

  /** Budget neither paid nor reserved for a release in flight. */
  public long remainingToPayFen() {
    return budgetFen - allocatedFen();
  }
}
