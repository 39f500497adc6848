package org.fundflow.subsidy.domain;

/** An expenditure claim rule refused an action (answered as a problem by the platform). */
public class ClaimRefused extends SubsidyRefused {

  public ClaimRefused(Reason reason, String message) {
    super(reason, message);
  }
}
