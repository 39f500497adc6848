package org.fundflow.subsidy.domain;

/** An expenditure claim rule refused an action. */
public class ClaimRefused extends RuntimeException {

  public enum Reason { ALREADY_DECIDED, NOT_A_POST_SUBSIDY_PROGRAM, INVALID }

  private final Reason reason;

  public ClaimRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
