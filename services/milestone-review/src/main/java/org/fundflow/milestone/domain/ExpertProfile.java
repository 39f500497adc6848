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
    if (organisationCode.equals(project.organisationCode())) {
      return Optional.of("expert " + id + " belongs to the applicant organisation " + organisationCode);
    }
    if (personIdHash != null && project.teamPersonIdHashes().contains(personIdHash)) {
      return Optional.of("expert " + id + " is a member of the project team");
    }
    if (project.teamOrganisationCodes().contains(organisationCode)) {
      return Optional.of("expert " + id + " belongs to organisation " + organisationCode + " of a team member");
    }
    for (String conflict : declaredConflicts) {
      if (conflict.equals(project.id()) || conflict.equals(project.organisationCode())
          || project.teamOrganisationCodes().contains(conflict)) {
        return Optional.of("expert " + id + " declared a conflict of interest with " + conflict);
      }
    }
    return Optional.empty();
  }
}
