package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.List;
import org.fundflow.milestone.application.port.in.ApplyHoldUseCase;
import org.fundflow.milestone.application.port.out.Holds;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.application.port.out.StaleProjectException;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the holds on organisations and applies them to the organisation's projects: while held, a
 * PASSED milestone waits for acceptance; when the last hold lifts, it is accepted. Holds on persons
 * are recorded by integrity-check and do not stop milestone acceptance here.
 */
public class HoldService implements ApplyHoldUseCase {

  private final Projects projects;
  private final Holds holds;
  private final Clock clock;

  public HoldService(Projects projects, Holds holds, Clock clock) {
    this.projects = projects;
    this.holds = holds;
    this.clock = clock;
  }

  @Override
  public Mono<Void> holdPlaced(HoldCommand c) {
    if (!c.onOrganisation()) {
      return Mono.empty();
    }
    return holds.placed(c.holdId(), c.subjectId())
        .thenMany(projects.findByOrganisation(c.subjectId()))
        .concatMap(p -> apply(p.getId(), c, project -> {
          project.placeHold(c.holdId());
          return List.of();
        }))
        .then();
  }

  @Override
  public Mono<Void> holdLifted(HoldCommand c) {
    if (!c.onOrganisation()) {
      return Mono.empty();
    }
    return holds.lifted(c.holdId())
        .thenMany(projects.findByOrganisation(c.subjectId()))
        .concatMap(p -> apply(p.getId(), c, project -> project.liftHold(c.holdId(), clock.instant())))
        .then();
  }

  private Mono<Boolean> apply(String projectId, HoldCommand c,
      java.util.function.Function<Project, List<ProjectEvent>> change) {
    return Mono.defer(() -> projects.find(projectId)
            .flatMap(project -> projects.save(project, change.apply(project), c.eventId(), c.correlationId())))
        .retryWhen(Retry.max(5).filter(StaleProjectException.class::isInstance));
  }
}
