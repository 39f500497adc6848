package org.fundflow.milestone.domain;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what with a milestone's evidence files (docs/adr/0006). Evidence is uploaded to a milestone before the
 * report: it is pending, seen only by the project's organisation, until a submitted report names it; from then on it
 * is part of that report (frozen: never replaced nor removed) and readable by whoever may read the report.
 */
public final class MilestoneEvidence {

  private MilestoneEvidence() {}

  /** The file store's owner of a milestone's evidence. */
  public static String owner(String projectId, String milestoneId) {
    return projectId + "/" + milestoneId;
  }

  /**
   * Refuses unless {@code actor} is an applicant of the project's organisation (others: not found); the milestone
   * must exist.
   */
  public static Milestone requireOwnOrganisation(Project project, Actor actor, String milestoneId) {
    if (!actor.is(Actor.APPLICANT) || !project.organisationCode().equals(actor.organisationCode())) {
      throw DomainRuleException.notVisible("project", project.id());
    }
    return project.milestone(milestoneId);
  }

  /** Evidence may be added while a report on the milestone may still come: the project active, the milestone not settled. */
  public static void requireUploadable(Project project, Actor actor, String milestoneId) {
    Milestone milestone = requireOwnOrganisation(project, actor, milestoneId);
    if (project.status() != ProjectStatus.ACTIVE) {
      throw DomainRuleException.illegal("project-closed", "project " + project.id() + " is " + project.status());
    }
    switch (milestone.status()) {
      case OPEN, UNDER_REVIEW, RECTIFYING -> { }
      default -> throw DomainRuleException.illegal("milestone-settled", "milestone " + milestoneId + " is "
          + milestone.status() + ": no report on it can come, so no evidence is added");
    }
  }

  /** A pending file may be removed by its organisation; one a submitted report names is frozen. */
  public static void requireRemovable(Project project, Actor actor, String milestoneId, String fileId) {
    requireOwnOrganisation(project, actor, milestoneId);
    project.reports().stream().filter(r -> r.evidenceFiles().stream().anyMatch(f -> f.fileId().equals(fileId)))
        .findFirst().ifPresent(r -> {
          throw DomainRuleException.illegal("evidence-frozen", "file " + fileId + " is evidence of submitted report "
              + r.id() + ": it cannot be replaced or removed (upload a new version as a new file)");
        });
  }

  /** The ids of the files the project's reports name. */
  public static Set<String> referenced(Project project) {
    return project.reports().stream().flatMap(r -> r.evidenceFiles().stream()).map(EvidenceFile::fileId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The report's file {@code fileId} as {@code actor} may read it (as the report); not found otherwise. */
  public static EvidenceFile readable(Project project, Actor actor, String reportId, String fileId) {
    return project.milestoneReview().reportFor(actor, reportId).evidenceFiles().stream()
        .filter(f -> f.fileId().equals(fileId))
        .findFirst().orElseThrow(() -> DomainRuleException.notVisible("file", fileId));
  }
}
