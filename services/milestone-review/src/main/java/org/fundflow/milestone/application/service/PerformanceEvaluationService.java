package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase;
import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.milestone.application.port.out.PerformanceEvaluations;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.PerformanceEvaluation.Rating;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 绩效评价: evaluations of completed CHALLENGE projects, once each, and the summary per program. */
public final class PerformanceEvaluationService implements PerformanceEvaluationUseCase {

  private final Projects projects;
  private final ExpertProfiles experts;
  private final PerformanceEvaluations evaluations;
  private final Clock clock;

  public PerformanceEvaluationService(Projects projects, ExpertProfiles experts, PerformanceEvaluations evaluations,
      Clock clock) {
    this.projects = projects;
    this.experts = experts;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  @Override
  public Mono<Void> challengePublished(ChallengeIndicators challenge) {
    return evaluations.saveChallenge(challenge);
  }

  private Mono<Project> visible(Actor actor, String projectId) {
    return Mono.defer(() -> projects.find(projectId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
        .doOnNext(p -> {
          if (actor.is(Actor.EXPERT) && !actor.seesAll()) {
            throw DomainRuleException.notVisible("project", projectId);
          }
          p.checkVisibleTo(actor);
        }));
  }

  private Mono<ChallengeIndicators> challengeOf(Project p) {
    return p.challengeId() == null ? Mono.empty() : evaluations.challenge(p.challengeId());
  }

  @Override
  public Mono<EvaluationSheet> sheet(Actor actor, String projectId) {
    return visible(actor, projectId).flatMap(p -> challengeOf(p)
        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        .zipWith(evaluations.find(projectId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
        .map(t -> {
          ChallengeIndicators c = t.getT1().orElse(null);
          String reason = null;
          try {
            PerformanceEvaluation.requireEvaluable(p, c);
          } catch (DomainRuleException e) {
            reason = e.code();
          }
          return new EvaluationSheet(p, c == null ? List.of() : c.targetIndicators(), reason == null, reason,
              t.getT2().orElse(null));
        }));
  }

  @Override
  public Mono<Project> evidenceUploadable(Actor actor, String projectId) {
    if (!actor.is(Actor.PROGRAM_MANAGER)) {
      return Mono.error(DomainRuleException.notAllowed("forbidden", "only a program manager adds evaluation files"));
    }
    return visible(actor, projectId).flatMap(p -> challengeOf(p)
        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        .doOnNext(c -> PerformanceEvaluation.requireEvaluable(p, c.orElse(null)))
        .then(evaluations.find(projectId).hasElement())
        .map(evaluated -> {
          if (evaluated) {
            throw DomainRuleException.illegal("already-evaluated", "project " + projectId
                + " was evaluated already; an evaluation is never changed");
          }
          return p;
        }));
  }

  @Override
  public Mono<Project> readable(Actor actor, String projectId) {
    return visible(actor, projectId);
  }

  @Override
  public Mono<PerformanceEvaluation> evaluate(EvaluateCommand c) {
    return visible(c.manager(), c.projectId()).flatMap(project -> challengeOf(project)
        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
        .flatMap(challenge -> {
          PerformanceEvaluation.requireEvaluable(project, challenge.orElse(null));
          List<String> fileIds = c.ratings().stream().flatMap(r -> r.evidenceFileIds().stream()).distinct().toList();
          Mono<List<ExpertProfile>> panel = Flux.fromIterable(c.panelExpertIds())
              .concatMap(id -> experts.find(id)
                  .switchIfEmpty(Mono.error(() -> DomainRuleException.rule("unknown-expert", "no expert " + id))))
              .collectList();
          Mono<Map<String, EvidenceFile>> files = evaluations.files(c.projectId(), fileIds)
              .collectMap(EvidenceFile::fileId, Function.identity());
          return Mono.zip(panel, files).map(t -> PerformanceEvaluation.evaluate(project, challenge.get(), c.manager(),
              t.getT1(), c.ratings(), c.conclusion(), t.getT2(), clock.instant()));
        }))
        .flatMap(e -> evaluations.create(e).flatMap(created -> created ? Mono.just(e)
            : Mono.error(DomainRuleException.illegal("already-evaluated", "project " + e.projectId()
                + " was evaluated already; an evaluation is never changed"))));
  }

  @Override
  public Flux<ProgramSummary> summary(Actor actor, String programId) {
    if (!actor.seesAll()) {
      return Flux.error(DomainRuleException.notAllowed("forbidden", "the summary is for program managers and auditors"));
    }
    Mono<Map<String, PerformanceEvaluation>> done = (programId == null ? evaluations.all()
        : evaluations.ofProgram(programId)).collectMap(PerformanceEvaluation::projectId, Function.identity());
    return done.zipWith(evaluations.completedChallengeProjects(programId)
            .filter(p -> p.programKind() == ProgramKind.CHALLENGE).collectList())
        .flatMapMany(t -> {
          Map<String, List<ProjectSummary>> byProgram = new LinkedHashMap<>();
          t.getT2().stream().sorted(Comparator.comparing(Project::programId).thenComparing(Project::id))
              .forEach(p -> {
                PerformanceEvaluation e = t.getT1().get(p.id());
                byProgram.computeIfAbsent(p.programId(), k -> new ArrayList<>()).add(new ProjectSummary(p.id(),
                    p.title(), p.organisationCode(), p.closedAt(), e != null,
                    e == null ? 0 : e.count(Rating.MET), e == null ? 0 : e.count(Rating.PARTLY_MET),
                    e == null ? 0 : e.count(Rating.NOT_MET), e == null ? null : e.evaluatedAt()));
              });
          return Flux.fromIterable(byProgram.entrySet()).map(en -> {
            List<ProjectSummary> rows = en.getValue();
            return new ProgramSummary(en.getKey(), rows.size(),
                (int) rows.stream().filter(ProjectSummary::evaluated).count(),
                rows.stream().mapToLong(ProjectSummary::met).sum(),
                rows.stream().mapToLong(ProjectSummary::partlyMet).sum(),
                rows.stream().mapToLong(ProjectSummary::notMet).sum(), List.copyOf(rows));
          });
        });
  }
}
