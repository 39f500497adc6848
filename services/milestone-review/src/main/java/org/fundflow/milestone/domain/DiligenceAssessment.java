package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 尽职免责 (issue 17 point 3): the program manager's record of whether the team performed its duties diligently
 * (勤勉尽责) after a FAILED milestone review, or when the project was terminated ({@code terminating}); with whether
 * misconduct was found, an explanation and references to the evidence. Recorded once per failed review and once per
 * termination (the id says which), never changed; integrity-check decides on it whether the failure is flagged.
 *
 * @param version the stored version (0 for a new one)
 */
public record DiligenceAssessment(String id, String projectId, String programId, String organisationCode,
    String milestoneId, String reportId, boolean terminating, boolean diligent, boolean misconduct,
    String explanation, List<String> evidenceRefs, String assessedBy, Instant assessedAt, long version) {

  public static final int MAX_EXPLANATION = 4000;
  public static final int MAX_EVIDENCE_REFS = 20;

  public DiligenceAssessment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    evidenceRefs = List.copyOf(evidenceRefs == null ? List.of() : evidenceRefs);
  }

  /** The id of the assessment of a termination, or of a failed review after which the project goes on. */
  public static String idOf(String projectId, boolean terminating, String reportId) {
    return projectId + (terminating ? ":termination" : ":report:" + reportId);
  }

  /**
   * The program manager's assessment of {@code project}: of the FAILED report {@code reportId}, or without a report of
   * the project's termination. It assesses the termination when the project is TERMINATED and the report is the one
   * whose failure terminated it (its last report), or when no report is named.
   */
  public static DiligenceAssessment assess(Project project, Actor manager, String reportId, boolean diligent,
      boolean misconduct, String explanation, List<String> evidenceRefs, Instant now) {
    if (!manager.is(Actor.PROGRAM_MANAGER)) {
      throw DomainRuleException.notAllowed("forbidden", "only a program manager records a diligence assessment");
    }
    if (explanation == null || explanation.isBlank() || explanation.length() > MAX_EXPLANATION) {
      throw DomainRuleException.rule("invalid-assessment", "an explanation of 1 to " + MAX_EXPLANATION
          + " characters is required");
    }
    List<String> refs = evidenceRefs == null ? List.of() : evidenceRefs;
    if (refs.size() > MAX_EVIDENCE_REFS || refs.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 128)) {
      throw DomainRuleException.rule("invalid-assessment", "at most " + MAX_EVIDENCE_REFS
          + " evidence references of 1 to 128 characters");
    }
    boolean terminated = project.status() == ProjectStatus.TERMINATED;
    MilestoneReport last = project.reports().isEmpty() ? null : project.reports().get(project.reports().size() - 1);
    MilestoneReport assessed;
    if (reportId == null) {
      if (!terminated) {
        throw DomainRuleException.illegal("not-a-failure", "project " + project.id() + " is " + project.status()
            + ": name the FAILED report to assess, or wait for the termination");
      }
      assessed = last != null && failed(last) ? last : null;
    } else {
      assessed = project.report(reportId);
      if (!failed(assessed)) {
        throw DomainRuleException.illegal("not-a-failure", "report " + reportId + " is "
            + (assessed.isDecided() ? assessed.decision().outcome() : assessed.status())
            + ": only a FAILED review (or a termination) is assessed");
      }
    }
    boolean terminating = terminated && (reportId == null || assessed == last);
    return new DiligenceAssessment(idOf(project.id(), terminating, assessed == null ? null : assessed.id()),
        project.id(), project.programId(), project.organisationCode(),
        assessed == null ? null : assessed.milestoneId(), assessed == null ? null : assessed.id(), terminating,
        diligent, misconduct, explanation.strip(), refs, manager.id(), now, 0);
  }

  private static boolean failed(MilestoneReport report) {
    return report.isDecided() && report.decision() != null && report.decision().outcome() == Outcome.FAILED;
  }

  /** 尽职免责 applies: diligent and no misconduct. */
  public boolean exempts() {
    return diligent && !misconduct;
  }
}
