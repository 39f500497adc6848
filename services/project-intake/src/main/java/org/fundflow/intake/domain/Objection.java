package org.fundflow.intake.domain;

import java.time.Instant;

/**
 * An objection to an award under public notice: who lodged it (the token's subject, never shown publicly), when,
 * the reasons, and the program manager's decision with its reason. Evidence files are stored under the objection's
 * id (owner) in intake's document store.
 */
public record Objection(String objectionId, String lodgedBy, Instant lodgedAt, String reasons, Status status,
    String decidedBy, Instant decidedAt, String decisionReason) {

  public enum Status {
    PENDING, UPHELD, DISMISSED,
    /** Not decided on its own: another objection was upheld and the award withdrawn. */
    CLOSED
  }

  public static final int MAX_REASONS = 2000;

  public boolean pending() {
    return status == Status.PENDING;
  }

  Objection decided(Status outcome, String by, Instant at, String reason) {
    return new Objection(objectionId, lodgedBy, lodgedAt, reasons, outcome, by, at, reason);
  }
}
