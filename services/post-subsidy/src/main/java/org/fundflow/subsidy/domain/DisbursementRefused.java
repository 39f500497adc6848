package org.fundflow.subsidy.domain;

/** A disbursement rule refused an action (answered as a problem by the platform). */
public class DisbursementRefused extends SubsidyRefused {

  public DisbursementRefused(Reason reason, String message) {
    super(reason, message);
  }
}
