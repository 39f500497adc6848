package org.fundflow.subsidy.domain;

import org.fundflow.platform.domain.Refusal;

/**
 * A post-subsidy rule refused an action (answered as a problem by the platform): the one refusal type of this
 * service, with one reason per rule. {@link ClaimRefused}, {@link DisbursementRefused} and {@link RecoveryRefused}
 * name the aggregate whose rule it was.
 */
public class SubsidyRefused extends Refusal {

  public enum Reason {
    ALREADY_DECIDED(Kind.CONFLICT, "claim-already-decided", "Claim already decided"),
    NOT_A_POST_SUBSIDY_PROGRAM(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim"),
    INVALID(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim"),
    ILLEGAL_TRANSITION(Kind.CONFLICT, "illegal-transition", "Not allowed in this state"),
    PREPARER_CANNOT_RELEASE(Kind.FORBIDDEN, "four-eyes", "Four eyes required"),
    ORGANISATION_ON_HOLD(Kind.CONFLICT, "organisation-on-hold", "Organisation on hold"),
    PROJECT_SUSPENDED(Kind.CONFLICT, "project-suspended", "Project suspended"),
    RECORDER_CANNOT_APPROVE(Kind.FORBIDDEN, "four-eyes", "Four eyes required"),
    AMOUNT_MISMATCH(Kind.UNPROCESSABLE, "amount-mismatch", "Amount mismatch"),
    INVALID_REQUEST(Kind.UNPROCESSABLE, "invalid-request", "Invalid request");

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

  protected SubsidyRefused(Reason reason, String message) {
    super(reason.kind, reason.slug, reason.title, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
