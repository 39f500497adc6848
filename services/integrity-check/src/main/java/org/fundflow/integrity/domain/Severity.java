package org.fundflow.integrity.domain;

/** How serious a finding is; orders holds' default length. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL;

  public static Severity max(Severity a, Severity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
