package org.fundflow.subsidy.domain;

/** A recovery rule refused an action (answered as a problem by the platform). */
public class RecoveryRefused extends SubsidyRefused {

  public RecoveryRefused(Reason reason, String message) {
    super(reason, message);
  }
}
