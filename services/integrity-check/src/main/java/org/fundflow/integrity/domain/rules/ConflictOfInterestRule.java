package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * CONFLICT_OF_INTEREST v1 (回避): an expert scored a milestone report of a project of its own
 * organisation — the expert's organisation is the applicant's or a team member's. The subject
 * is the expert as a person (by the expert's person-id hash), or the expert's organisation when
 * the event carries no hash.
 */
public final class ConflictOfInterestRule {

  public static final RuleRef RULE = RuleRef.CONFLICT_OF_INTEREST;

  public record Evaluation(String eventId, String projectId, String reportId, String expertId,
      String expertPersonIdHash, String expertOrganisationCode, String applicantOrganisationCode, List<String> teamOrganisationCodes) {}

  public Optional<Flag> evaluate(Evaluation e, Instant now) {
    String expertOrg = e.expertOrganisationCode();
    if (expertOrg == null || expertOrg.isBlank()) {
      return Optional.empty();
    }
    String relation;
    if (expertOrg.equals(e.applicantOrganisationCode())) {
      relation = "the applicant organisation";
    } else if (e.teamOrganisationCodes() != null && e.teamOrganisationCodes().contains(expertOrg)) {
      relation = "the organisation of a team member";
    } else {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("projectId", e.projectId());
    values.put("reportId", e.reportId());
    values.put("expertId", e.expertId());
    values.put("expertOrganisationCode", expertOrg);
    values.put("applicantOrganisationCode", e.applicantOrganisationCode());
    values.put("teamOrganisationCodes", e.teamOrganisationCodes() == null ? List.of() : List.copyOf(e.teamOrganisationCodes()));
    Subject expert = e.expertPersonIdHash() != null && !e.expertPersonIdHash().isBlank()
        ? Subject.person(e.expertPersonIdHash()) : Subject.organisation(expertOrg);
    Evidence evidence = new Evidence(e.eventId(), "fundflow.milestone.expert-evaluation-submitted.v1",
        "expert " + e.expertId() + " of organisation " + expertOrg + " scored report " + e.reportId() + " of project "
            + e.projectId() + ": the expert's organisation is " + relation, values);
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), expert.key(), e.eventId()), RULE, expert,
        Severity.HIGH, List.of(evidence), now));
  }
}
