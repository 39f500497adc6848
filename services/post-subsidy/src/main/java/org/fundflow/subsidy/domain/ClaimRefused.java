package org.fundflow.subsidy.domain;

import org.fundflow.platform.domain.Refusal;

/** An expenditure claim rule refused an action (answered as a problem by the platform). */
public class ClaimRefused extends Refusal {

  public enum Reason {
    ALREADY_DECIDED(Kind.CONFLICT, "claim-already-decided", "Claim already decided"),
    NOT_A_POST_SUBSIDY_PROGRAM(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim"),
    INVALID(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim");

    private final Kind kind;
    private final String slug;
    private final String title;

    Reason(Kind kind, String slug, String title) {
      this.kind = kind;
      this.slug = slug;
      this.title = title;
    }
  }

  private final Reason reason;

  public ClaimRefused(Reason reason, String message) {
    super(reason.kind, reason.slug, reason.title, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
