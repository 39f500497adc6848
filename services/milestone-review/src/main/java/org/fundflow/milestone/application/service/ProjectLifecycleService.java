package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.fundflow.milestone.application.port.in.DeclareConflictUseCase;
import org.fundflow.milestone.application.port.in.EvaluateReportUseCase;
import org.fundflow.milestone.application.port.in.FormPanelUseCase;
import org.fundflow.milestone.application.port.in.OpenProjectUseCase;
import org.fundflow.milestone.application.port.in.AssignmentCursor;
import org.fundflow.milestone.application.port.in.QueryProjectsUseCase;
import org.fundflow.milestone.application.port.in.SubmitReportUseCase;
import org.fundflow.milestone.application.port.out.EvidenceFiles;
import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DecisionPolicy;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.MilestoneEvidence;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectCursor;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects from awards, milestone reports, panels, declarations, evaluations and decisions. */
public class ProjectLifecycleService implements OpenProjectUseCase, SubmitReportUseCase, FormPanelUseCase,
    DeclareConflictUseCase, EvaluateReportUseCase, QueryProjectsUseCase {

  private final Projects projects;
  private final ExpertProfiles experts;
  private final OrganisationHolds holds;
  private final DecisionPolicy policy;
  private final Clock clock;
  private final EvidenceFiles evidenceFiles;

  public ProjectLifecycleService(Projects projects, ExpertProfiles experts, OrganisationHolds holds, DecisionPolicy policy,
      Clock clock) {
    this(projects, experts, holds, policy, clock, EvidenceFiles.NONE);
  }

  /** {@code evidenceFiles}: the stored evidence a report submission may name. */
  public ProjectLifecycleService(Projects projects, ExpertProfiles experts, OrganisationHolds holds, DecisionPolicy policy,
      Clock clock, EvidenceFiles evidenceFiles) {
    this.evidenceFiles = evidenceFiles;
    this.projects = projects;
    this.experts = experts;
    this.holds = holds;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Mono<Boolean> open(OpenProjectCommand command) {
    String organisation = command.award().organisationCode();
    return activeHolds(organisation)
        .flatMap(active -> {
          Project project = Project.open(command.award(), active);
          return projects.create(project, List.of(), command.eventId())
              .flatMap(created -> created
                  ? reconcileHolds(project, organisation).thenReturn(true)
                  : Mono.just(false));
        });
  }

  /**
   * A hold placed or lifted while the project was being opened: the hold handler records the hold
   * before it looks for projects, and the project looks at the holds again after it is stored, so
   * one of the two sees the other.
   */
  /** The organisation's active holds, the first placed first. */
  private Mono<Set<String>> activeHolds(String organisation) {
    return holds.activeHolds(organisation).map(java.util.LinkedHashSet::new);
  }

  private Mono<Project> reconcileHolds(Project opened, String organisation) {
    return activeHolds(organisation)
        .filter(active -> !active.equals(Set.copyOf(opened.holds())))
        .flatMap(active -> change(opened.id(),
            project -> project.integrityHolds().holdsNow(active, clock.instant())));
  }

  @Override
  public Mono<MilestoneReport> submit(SubmitReportCommand c) {
    String reportId = UUID.randomUUID().toString();
    String fingerprint = MilestoneReport.fingerprint(c.milestoneId(), c.deliverablesMet(), c.evidence(),
        c.spendingToDateFen(), c.evidenceFileIds());
    return Mono.defer(() -> projects.find(c.projectId())
            .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", c.projectId())))
            .flatMap(current -> {
              current.checkVisibleTo(c.applicant());
              return Mono.justOrEmpty(current.milestoneReview().replayOf(c.requestKey(), fingerprint));
            }))
        .switchIfEmpty(Mono.defer(() -> changeAfterLookup(c.projectId(), project -> {
          if (project.milestoneReview().replayOf(c.requestKey(), fingerprint).isPresent()) {
            // a concurrent twin of this request won: answer its report
            return Mono.just(Change.<Project, ProjectEvent>quiet(project));
          }
          return namedEvidence(project, c).map(files -> project.milestoneReview().submitReport(c.applicant(), reportId,
              c.milestoneId(), c.deliverablesMet(), c.evidence(), files, c.spendingToDateFen(), c.requestKey(),
              clock.instant()));
        }).map(p -> p.milestoneReview().replayOf(c.requestKey(), fingerprint)
            .orElseGet(() -> p.report(reportId)))));
  }

  /** The stored files of the due milestone that the submission names, in its order; 422 for any other id. */
  private Mono<List<EvidenceFile>> namedEvidence(Project project, SubmitReportCommand c) {
    if (c.evidenceFileIds().isEmpty()) {
      return Mono.just(List.of());
    }
    project.checkVisibleTo(c.applicant());
    String milestoneId = c.milestoneId() != null ? c.milestoneId()
        : project.nextDueMilestone().map(m -> m.id()).orElse("-");
    return evidenceFiles.find(MilestoneEvidence.owner(project.id(), milestoneId), c.evidenceFileIds())
        .collectMap(EvidenceFile::fileId)
        .map(found -> c.evidenceFileIds().stream().map(id -> {
          EvidenceFile file = found.get(id);
          if (file == null) {
            throw DomainRuleException.rule("unknown-evidence-file", "file " + id
                + " is not evidence uploaded to milestone " + milestoneId + " of project " + project.id());
          }
          return file;
        }).toList());
  }

  @Override
  public Mono<MilestoneReport> formPanel(FormPanelCommand c) {
    return Flux.fromIterable(c.expertIds())
        .concatMap(id -> experts.find(id).switchIfEmpty(Mono.error(() -> DomainRuleException.rule("unknown-expert",
            "no expert profile " + id + ": register it first"))))
        .collectList()
        .flatMap(profiles -> change(c.projectId(),
            project -> project.milestoneReview().formPanel(c.reportId(), profiles, clock.instant())))
        .map(p -> p.report(c.reportId()));
  }

  @Override
  public Mono<MilestoneReport> addExpert(AddExpertCommand c) {
    return experts.find(c.expertId())
        .switchIfEmpty(Mono.error(() -> DomainRuleException.rule("unknown-expert",
            "no expert profile " + c.expertId() + ": register it first")))
        .flatMap(profile -> change(c.projectId(),
            project -> project.milestoneReview().addExpert(c.reportId(), profile, clock.instant())))
        .map(p -> p.report(c.reportId()));
  }

  @Override
  public Mono<MilestoneReport> declare(DeclarationCommand c) {
    requireRole(c.expert(), Actor.EXPERT);
    return change(c.projectId(),
        project -> project.milestoneReview().declare(c.reportId(), c.expert(), c.conflict(), c.reason(),
            clock.instant()))
        .flatMap(p -> Mono.justOrEmpty(p.report(c.reportId()).seatOf(c.expert().id()).map(s -> p.report(c.reportId()))));
  }

  @Override
  public Mono<MilestoneReport> evaluate(EvaluateCommand c) {
    requireRole(c.expert(), Actor.EXPERT);
    return change(c.projectId(), project -> project.milestoneReview().evaluate(c.reportId(), c.expert(),
        c.scores(), c.recommendation(), c.comments(), policy, clock.instant()))
        .map(p -> p.report(c.reportId()));
  }

  /**
   * Load, decide, store the next state + its events in one write; decide again on a concurrent change. A command
   * with nothing to do (the same score again) writes nothing.
   */
  private Mono<Project> change(String projectId, Function<Project, Change<Project, ProjectEvent>> command) {
    return changeAfterLookup(projectId, project -> Mono.just(command.apply(project)));
  }

  /** {@link #change} for a command that first looks something up (the stored evidence files a report names). */
  private Mono<Project> changeAfterLookup(String projectId,
      Function<Project, Mono<Change<Project, ProjectEvent>>> command) {
    return Mono.defer(() -> projects.find(projectId)
            .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
            .flatMap(project -> command.apply(project)
                .flatMap(change -> !change.changes(project) ? Mono.just(project)
                    : projects.save(change.next(), change.events(), null).thenReturn(change.next()))))
        .retryWhen(ConcurrentChanges.retry());
  }

  private static void requireRole(Actor actor, String role) {
    if (!actor.is(role)) {
      throw DomainRuleException.notAllowed("forbidden", "only " + role + " may do this");
    }
  }

  // ---------------------------------------------------------------- queries

  @Override
  public Mono<Project> project(Actor actor, String projectId) {
    return projects.find(projectId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
        .doOnNext(p -> p.checkVisibleTo(actor));
  }

  @Override
  public Flux<Project> projects(Actor actor, ProjectCursor after, int limit) {
    if (actor.seesAll()) {
      return projects.findPage(null, null, after, limit);
    }
    if (actor.is(Actor.APPLICANT) && actor.organisationCode() != null) {
      return projects.findPage(actor.organisationCode(), null, after, limit);
    }
    if (actor.is(Actor.EXPERT)) {
      return projects.findPage(null, actor.id(), after, limit);
    }
    return Flux.empty();
  }

  @Override
  public Mono<ProjectReport> report(Actor actor, String projectId, String reportId) {
    return projects.find(projectId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("report", reportId)))
        .map(p -> new ProjectReport(p, p.milestoneReview().reportFor(actor, reportId)));
  }

  @Override
  public Flux<ProjectReport> assignments(Actor expert, AssignmentCursor after, int limit) {
    // each project from the cursor's on holds at least one assignment after it, except the cursor's own: limit + 1
    // projects are enough for a page
    return projects.findAssignedTo(expert.id(), after == null ? null : after.projectId(), limit + 1)
        .concatMapIterable(p -> p.reports().stream()
            .filter(r -> r.seatOf(expert.id()).isPresent())
            .filter(r -> after == null || after.isBefore(p.id(), r.id()))
            .sorted(java.util.Comparator.comparing(MilestoneReport::id))
            .map(r -> new ProjectReport(p, r))
            .toList())
        .take(limit);
  }

  @Override
  public Mono<ProjectReport> assignment(Actor expert, String projectId, String reportId) {
    return projects.find(projectId)
        .flatMap(p -> Mono.justOrEmpty(p.reports().stream().filter(r -> r.id().equals(reportId)).findFirst())
            .filter(r -> r.seatOf(expert.id()).isPresent()
                || r.recusals().stream().anyMatch(x -> x.expertId().equals(expert.id())))
            .map(r -> new ProjectReport(p, r)))
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("report", reportId)));
  }

  @Override
  public Mono<ExpertProfile> expert(Actor actor, String expertId) {
    if (!actor.seesAll() && !expertId.equals(actor.id())) {
      return Mono.error(DomainRuleException.notVisible("expert", expertId));
    }
    return experts.find(expertId).switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("expert", expertId)));
  }
}
