package org.fundflow.intake.domain;

/** A person on a proposal, kept only as a keyed hash of the national ID (for matching) and a masked form (for display). */
public record TeamMember(String personIdHash, String maskedId, String name, String organisationCode, String role) {

  public TeamMember {
    if (personIdHash == null || personIdHash.isBlank() || maskedId == null || name == null || name.isBlank()) {
      throw IntakeRefusal.rule("invalid-team", "Invalid team", "every team member needs an ID and a name");
    }
    CodeRules.requireOrganisationCode(organisationCode, "team member organisationCode");
  }
}
