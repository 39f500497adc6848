package org.fundflow.subsidy.domain;

/** A disbursement rule refused an action. The web adapter turns the reason into a problem response. */
public class DisbursementRefused extends RuntimeException {

  public enum Reason {
    ILLEGAL_TRANSITION, PREPARER_CANNOT_RELEASE, ORGANISATION_ON_HOLD
  }

  private final Reason reason;

  public DisbursementRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
