package org.fundflow.subsidy.adapter.in.web;

import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.security.Caller;

final class WebSupport {

  static final String FINANCE_OR_AUDIT = "hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER','AUDITOR','APPLICANT')";

  private WebSupport() {}

  /** Applicants see only their own organisation; everyone else may filter freely. */
  static String organisationScope(Caller caller, String requested) {
    if (isApplicantOnly(caller)) {
      if (caller.organisationCode() == null) {
        throw Problems.forbidden("Your token carries no organisation code.");
      }
      return caller.organisationCode();
    }
    return requested;
  }

  static boolean isApplicantOnly(Caller caller) {
    return caller.hasRole("APPLICANT") && !caller.hasRole("FINANCE_OFFICER") && !caller.hasRole("FINANCE_APPROVER")
        && !caller.hasRole("AUDITOR");
  }

  static boolean mayRead(Caller caller, String organisationCode) {
    return !isApplicantOnly(caller) || organisationCode.equals(caller.organisationCode());
  }
}
