package org.fundflow.intake.adapter.in.web;

import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.platform.security.Caller;

/** Small helpers shared by the controllers. */
final class Requests {

  private Requests() {}

  /** Staff roles read everything; a caller who is only an APPLICANT is bound to its organisation. */
  static Viewer viewer(Caller caller) {
    boolean staff = caller.hasRole("PROGRAM_MANAGER") || caller.hasRole("AUDITOR") || caller.hasRole("FINANCE_OFFICER")
        || caller.hasRole("FINANCE_APPROVER");
    return staff ? Viewer.staff(caller.subject(), caller.name())
        : Viewer.applicant(caller.subject(), caller.name(), caller.organisationCode(), caller.organisationName());
  }
}
