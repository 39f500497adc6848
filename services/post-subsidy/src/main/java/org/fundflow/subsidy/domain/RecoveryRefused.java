package org.fundflow.subsidy.domain;

import org.fundflow.platform.domain.Refusal;

/** A recovery rule refused an action (answered as a problem by the platform). */
public class RecoveryRefused extends Refusal {

  public enum Reason {
    ILLEGAL_TRANSITION(Kind.CONFLICT, "illegal-transition", "Not allowed in this state"),
    FOUR_EYES(Kind.FORBIDDEN, "four-eyes", "Four eyes required"),
    AMOUNT_MISMATCH(Kind.UNPROCESSABLE, "amount-mismatch", "Amount mismatch"),
    INVALID(Kind.UNPROCESSABLE, "invalid-request", "Invalid request");

    private final Kind kind;
    private final String slug;
    private final String title;

    Reason(Kind kind, String slug, String title) {
      this.kind = kind;
      this.slug = slug;
      this.title = title;
    }
  }

  public RecoveryRefused(Reason reason, String message) {
    super(reason.kind, reason.slug, reason.title, message);
  }
}
