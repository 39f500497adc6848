package org.fundflow.milestone.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expert who may sit on panels: its own organisation and the conflicts it declared in advance
 * (organisation codes or project ids it must not review).
 *
 * @param id the expert's identity (the subject of its token)
 * @param personIdHash keyed hash of the expert's national ID (never the ID itself), to match team members
 */
public record ExpertProfile(String id, String name, String organisationCode, String personIdHash, String maskedId,
    List<String> declaredConflicts) {

  public ExpertProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisationCode, "organisationCode");
    declaredConflicts = declaredConflicts == null ? List.of() : List.copyOf(declaredConflicts);
  }

  /** Why this expert may not review the project, if it may not (回避). */
  public Optional<String> conflictWith(Project project) {
    return conflictWith(List.of(project.id()), project.organisationCode(), project.teamOrganisationCodes(),
        project.teamPersonIdHashes());
  }

  /**
   * Why this expert may not review the work of this applicant and team (a project, or a proposal before award), if
   * it may not (回避): it belongs to the applicant organisation or a team member's, it is in the team, or it declared
   * a conflict with one of {@code subjectIds} (the project or proposal ids) or those organisations.
   */
  public Optional<String> conflictWith(List<String> subjectIds, String applicantOrganisationCode,
      List<String> teamOrganisationCodes, List<String> teamPersonIdHashes) {
    if (organisationCode.equals(applicantOrganisationCode)) {
      return Optional.of("expert " + id + " belongs to the applicant organisation " + organisationCode);
    }
    if (personIdHash != null && teamPersonIdHashes.contains(personIdHash)) {
      return Optional.of("expert " + id + " is a member of the project team");
    }
    if (teamOrganisationCodes.contains(organisationCode)) {
      return Optional.of("expert " + id + " belongs to organisation " + organisationCode + " of a team member");
    }
    for (String conflict : declaredConflicts) {
      if (subjectIds.contains(conflict) || conflict.equals(applicantOrganisationCode)
          || teamOrganisationCodes.contains(conflict)) {
        return Optional.of("expert " + id + " declared a conflict of interest with " + conflict);
      }
    }
    return Optional.empty();
  }
}
