package org.fundflow.integrity.domain;

/** OPEN -> INVESTIGATING -> CONFIRMED | DISMISSED. */
public enum CaseStatus {
  OPEN, INVESTIGATING, CONFIRMED, DISMISSED;

  public boolean decided() {
    return this == CONFIRMED || this == DISMISSED;
  }
}
