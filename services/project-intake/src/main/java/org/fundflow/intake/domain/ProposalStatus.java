package org.fundflow.intake.domain;

/**
 * UNDER_NOTICE: awarded, its public notice running (issue 17 point 2); AWARDED: the award is final (the project
 * starts); AWARD_WITHDRAWN: an objection was upheld during the notice, the award withdrawn and its amount returned.
 */
public enum ProposalStatus { DRAFT, SUBMITTED, SCREENING, UNDER_REVIEW, UNDER_NOTICE, AWARDED, AWARD_WITHDRAWN, REJECTED,
  WITHDRAWN;

  public boolean beforeDecision() {
    return this == SUBMITTED || this == SCREENING || this == UNDER_REVIEW;
  }
}
