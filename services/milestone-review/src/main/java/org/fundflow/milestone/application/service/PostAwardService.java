package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.fundflow.milestone.application.port.in.ChangeRequestUseCase;
import org.fundflow.milestone.application.port.in.ManageProjectUseCase;
import org.fundflow.milestone.application.port.in.SweepDueDatesUseCase;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.ChangeRequest;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.application.Correlation;
import reactor.core.publisher.Mono;

/**
 * Post-award management (issue 17 point 5): suspension, resumption and termination by the program manager, change
 * requests, and the due-date sweep. Every state change is one version-checked write of the project with its events.
 */
public class PostAwardService implements ManageProjectUseCase, ChangeRequestUseCase, SweepDueDatesUseCase {

  /** Due dates are calendar days in Asia/Shanghai. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Projects projects;
  private final Clock clock;
  private final int remindDaysBefore;

  public PostAwardService(Projects projects, Clock clock, int remindDaysBefore) {
    this.projects = projects;
    this.clock = clock;
    this.remindDaysBefore = remindDaysBefore;
  }

  @Override
  public Mono<Project> suspend(ProjectDecisionCommand c) {
    return change(c.projectId(), p -> p.suspend(c.manager(), c.reason(), clock.instant()));
  }

  @Override
  public Mono<Project> resume(ProjectDecisionCommand c) {
    return change(c.projectId(), p -> p.resume(c.manager(), c.reason(), clock.instant()));
  }

  @Override
  public Mono<Project> terminate(TerminateProjectCommand c) {
    return change(c.projectId(), p -> p.terminate(c.manager(), c.reason(), clock.instant()));
  }

  @Override
  public Mono<ChangeRequest> request(RequestChangeCommand c) {
    String id = UUID.randomUUID().toString();
    return change(c.projectId(), p -> {
      p.checkVisibleTo(c.applicant());
      return p.requestChange(c.applicant(), new ChangeRequest(id, c.kind(), c.milestoneId(), c.newDueDate(),
          c.budgetLines(), c.teamOrganisationCodes(), c.justification(), c.applicant().id(), clock.instant(),
          ChangeRequest.Status.PENDING, null, null, null));
    }).map(p -> p.changeRequest(id));
  }

  @Override
  public Mono<Project> decide(DecideChangeCommand c) {
    return change(c.projectId(),
        p -> p.decideChange(c.manager(), c.requestId(), c.approve(), c.reason(), clock.instant()));
  }

  /**
   * One step per project that has something due: the version-checked write makes a second replica's step on the
   * same project fail and retry on the new state, where there is nothing left to do (no write).
   */
  @Override
  public Mono<Long> sweep() {
    return projects.findWithMilestonesAwaitingReport()
        .concatMap(p -> Mono.defer(() -> projects.find(p.id())
                .flatMap(current -> {
                  Change<Project, ProjectEvent> step = current.sweepDueDates(clock.instant(), ZONE, remindDaysBefore);
                  if (!step.eventful()) {
                    return Mono.just(false);
                  }
                  return projects.save(step.next(), step.events(), null);
                }))
            .retryWhen(ConcurrentChanges.retry())
            .onErrorResume(e -> Mono.just(false)))
        .filter(Boolean::booleanValue)
        .count()
        .contextWrite(Correlation.unlessPresent("due-date-sweep"));
  }

  private Mono<Project> change(String projectId,
      Function<Project, Change<Project, ProjectEvent>> command) {
    return Mono.defer(() -> projects.find(projectId)
            .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("project", projectId)))
            .flatMap(project -> {
              Change<Project, ProjectEvent> change = command.apply(project);
              return projects.save(change.next(), change.events(), null)
                  .thenReturn(change.next());
            }))
        .retryWhen(ConcurrentChanges.retry());
  }
}
