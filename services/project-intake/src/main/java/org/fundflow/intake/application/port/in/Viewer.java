package org.fundflow.intake.application.port.in;

import java.util.Objects;

/**
 * Who acts or reads: an applicant is bound to one organisation and sees only its records; staff
 * (program managers, auditors) see everything.
 */
public record Viewer(String subject, String name, boolean applicant, String organisationCode, String organisationName) {

  public Viewer {
    Objects.requireNonNull(subject, "subject");
  }

  public static Viewer staff(String subject, String name) {
    return new Viewer(subject, name, false, null, null);
  }

  public static Viewer applicant(String subject, String name, String organisationCode, String organisationName) {
    return new Viewer(subject, name, true, organisationCode, organisationName);
  }

  public boolean sees(String recordOrganisationCode) {
    return !applicant || (organisationCode != null && organisationCode.equals(recordOrganisationCode));
  }
}
