package org.fundflow.intake.domain;

public enum ProposalStatus { DRAFT, SUBMITTED, SCREENING, UNDER_REVIEW, AWARDED, REJECTED, WITHDRAWN;

  public boolean beforeDecision() {
    return this == SUBMITTED || this == SCREENING || this == UNDER_REVIEW;
  }
}
