package org.fundflow.subsidy.domain;

public enum DisbursementStatus {
  CREATED, PREPARED, ON_HOLD, RELEASED, CANCELLED;

  /** Not paid and not cancelled: money still owed. */
  public boolean isOpen() {
    return this == CREATED || this == PREPARED || this == ON_HOLD;
  }
}
