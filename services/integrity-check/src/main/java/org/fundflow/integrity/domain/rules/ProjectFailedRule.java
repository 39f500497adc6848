package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/**
 * PROJECT_FAILED v2 (尽职免责, issue 17 point 3). v1 flagged every terminated project. v2: a termination alone raises
 * nothing (it is recorded as awaiting the program manager's diligence assessment); the assessment decides — a
 * failure without diligence, or any failure with misconduct, raises the flag; a diligent failure without
 * misconduct raises none and is recorded as exempted. A misconduct finding on a failed review of a project that
 * goes on raises the flag too. One flag per project whatever the version (the id is derived as in v1).
 */
public final class ProjectFailedRule {

  public static final RuleRef RULE = RuleRef.PROJECT_FAILED;
  public static final String ASSESSED_EVENT = "fundflow.milestone.diligence-assessed.v1";

  /** The program manager's assessment of a failed review or of the termination ({@code terminating}). */
  public record Assessment(String eventId, String projectId, String programId, String organisationCode,
      String milestoneId, String reportId, boolean terminating, ProjectFailure.Diligence diligence) {}

  /** The flag of the assessed failure, or none (a diligent failure without misconduct; a failed review that did not
   *  terminate the project and found no misconduct). */
  public Optional<Flag> evaluate(Assessment a, Instant now) {
    ProjectFailure.Diligence d = a.diligence();
    boolean flagged = d.misconduct() || (a.terminating() && !d.diligent());
    if (!flagged) {
      return Optional.empty();
    }
    Subject org = Subject.organisation(a.organisationCode());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("projectId", a.projectId());
    values.put("programId", a.programId());
    if (a.milestoneId() != null) {
      values.put("milestoneId", a.milestoneId());
    }
    if (a.reportId() != null) {
      values.put("reportId", a.reportId());
    }
    values.put("terminating", a.terminating());
    values.put("diligent", d.diligent());
    values.put("misconduct", d.misconduct());
    values.put("explanation", d.explanation());
    values.put("evidenceRefs", d.evidenceRefs());
    values.put("assessedBy", d.assessedBy());
    values.put("assessedAt", String.valueOf(d.assessedAt()));
    String what = (a.terminating() ? "terminated project " : "failed review of project ") + a.projectId() + ": "
        + (d.misconduct() ? "misconduct found" : "duties not performed diligently") + " (" + d.explanation() + ")";
    return Optional.of(new Flag(flagId(org, a.projectId()), RULE, org,
        d.misconduct() ? Severity.HIGH : Severity.MEDIUM,
        List.of(new Evidence(a.eventId(), ASSESSED_EVENT, what, values)), now));
  }

  /** One PROJECT_FAILED flag per organisation and project, the id v1 derived. */
  public static String flagId(Subject org, String projectId) {
    return Ids.derived("flag", "PROJECT_FAILED v1", org.key(), projectId);
  }
}
