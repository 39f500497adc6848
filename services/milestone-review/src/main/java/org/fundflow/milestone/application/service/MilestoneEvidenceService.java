package org.fundflow.milestone.application.service;

import java.util.function.Function;
import org.fundflow.milestone.application.port.in.MilestoneEvidenceUseCase;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.MilestoneEvidence;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Mono;

/** Access to milestone evidence follows the project's organisation (pending) and the report (submitted). */
public final class MilestoneEvidenceService implements MilestoneEvidenceUseCase {

  private final Projects projects;

  public MilestoneEvidenceService(Projects projects) {
    this.projects = projects;
  }

  private <T> Mono<T> onProject(String projectId, Function<Project, T> rule) {
    return Mono.defer(() -> projects.find(projectId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
        .map(rule));
  }

  @Override
  public Mono<Project> uploadable(Actor actor, String projectId, String milestoneId) {
    return onProject(projectId, p -> {
      MilestoneEvidence.requireUploadable(p, actor, milestoneId);
      return p;
    });
  }

  @Override
  public Mono<Project> ownMilestone(Actor actor, String projectId, String milestoneId) {
    return onProject(projectId, p -> {
      MilestoneEvidence.requireOwnOrganisation(p, actor, milestoneId);
      return p;
    });
  }

  @Override
  public Mono<Project> removable(Actor actor, String projectId, String milestoneId, String fileId) {
    return onProject(projectId, p -> {
      MilestoneEvidence.requireRemovable(p, actor, milestoneId, fileId);
      return p;
    });
  }

  @Override
  public Mono<MilestoneReport> report(Actor actor, String projectId, String reportId) {
    return onProject(projectId, p -> p.milestoneReview().reportFor(actor, reportId));
  }

  @Override
  public Mono<EvidenceFile> readable(Actor actor, String projectId, String reportId, String fileId) {
    return onProject(projectId, p -> MilestoneEvidence.readable(p, actor, reportId, fileId));
  }
}
