package org.fundflow.subsidy.domain;

/**
 * This service's copy of a program (owned by project-intake) with the budget totals kept here.
 *
 * @param committedFen reserved by releases in progress
 * @param releasedFen paid out
 */
public record Program(String programId, ProgramKind kind, String name, long budgetFen, FundingSplit fundingSplit,
    SubsidyRule postSubsidyRule, long revision, long committedFen, long releasedFen) {

  public long allocatedFen() {
    return committedFen + releasedFen;
  }
}
