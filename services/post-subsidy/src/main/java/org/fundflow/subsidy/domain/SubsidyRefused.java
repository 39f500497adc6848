package org.fundflow.subsidy.domain;

import org.fundflow.platform.domain.Refusal;

/**
 * A post-subsidy rule refused an action (answered as a problem by the platform): the one refusal type of this
 * service, with one reason per rule. {@link ClaimRefused} and {@link DisbursementRefused} name the aggregate whose
 * rule it was.
 */
public class SubsidyRefused extends Refusal {

  public enum Reason {
    ALREADY_DECIDED(Kind.CONFLICT, "claim-already-decided", "Claim already decided"),
    NOT_A_POST_SUBSIDY_PROGRAM(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim"),
    INVALID(Kind.UNPROCESSABLE, "invalid-claim", "Invalid claim"),
    ILLEGAL_TRANSITION(Kind.CONFLICT, "illegal-transition", "Not allowed in this state"),
    PREPARER_CANNOT_RELEASE(Kind.FORBIDDEN, "four-eyes", "Four eyes required"),
    ORGANISATION_ON_HOLD(Kind.CONFLICT, "organisation-on-hold", "Organisation on hold"),
    PROJECT_SUSPENDED(Kind.CONFLICT, "project-suspended", "Project suspended");

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
