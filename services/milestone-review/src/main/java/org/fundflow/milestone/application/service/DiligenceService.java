package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.Comparator;
import org.fundflow.milestone.application.port.in.AssessDiligenceUseCase;
import org.fundflow.milestone.application.port.out.DiligenceAssessments;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DiligenceAssessment;
import org.fundflow.milestone.domain.DomainRuleException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 尽职免责: diligence assessments of failed reviews and terminations, once each. */
public final class DiligenceService implements AssessDiligenceUseCase {

  private final Projects projects;
  private final DiligenceAssessments assessments;
  private final Clock clock;

  public DiligenceService(Projects projects, DiligenceAssessments assessments, Clock clock) {
    this.projects = projects;
    this.assessments = assessments;
    this.clock = clock;
  }

  @Override
  public Mono<DiligenceAssessment> assess(AssessDiligenceCommand c) {
    return Mono.defer(() -> projects.find(c.projectId())
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", c.projectId())))
        .map(project -> DiligenceAssessment.assess(project, c.manager(), c.reportId(), c.diligent(), c.misconduct(),
            c.explanation(), c.evidenceRefs(), clock.instant()))
        .flatMap(a -> assessments.create(a)
            .flatMap(created -> created ? Mono.just(a) : Mono.error(DomainRuleException.illegal("already-assessed",
                (a.terminating() ? "the termination of project " + a.projectId() : "report " + a.reportId())
                    + " was assessed already; an assessment is never changed")))));
  }

  @Override
  public Flux<DiligenceAssessment> assessments(Actor actor, String projectId) {
    return projects.find(projectId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
        .doOnNext(p -> p.checkVisibleTo(actor))
        .flatMapMany(p -> assessments.ofProject(projectId))
        .sort(Comparator.comparing(DiligenceAssessment::assessedAt));
  }
}
