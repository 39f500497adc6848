package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.function.Function;
import org.fundflow.milestone.application.port.in.ApplyHoldUseCase;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Mono;

/**
 * Keeps the holds on organisations and applies them to the organisation's projects: while held, a
 * PASSED milestone waits for acceptance; when the last hold lifts, it is accepted. Holds on persons
 * are recorded by integrity-check and do not stop milestone acceptance here.
 */
public class HoldService implements ApplyHoldUseCase {

  private final Projects projects;
  private final OrganisationHolds holds;
  private final Clock clock;

  public HoldService(Projects projects, OrganisationHolds holds, Clock clock) {
    this.projects = projects;
    this.holds = holds;
    this.clock = clock;
  }

  @Override
  public Mono<Void> holdPlaced(HoldCommand c) {
    if (!c.onOrganisation()) {
      return Mono.empty();
    }
    return holds.place(c.subjectId(), c.holdId())
        .thenMany(projects.findByOrganisation(c.subjectId()))
        .concatMap(p -> apply(p.id(), c, project -> project.integrityHolds().placeHold(c.holdId())))
        .then();
  }

  @Override
  public Mono<Void> holdLifted(HoldCommand c) {
    if (!c.onOrganisation()) {
      return Mono.empty();
    }
    return holds.lift(c.subjectId(), c.holdId())
        .thenMany(projects.findByOrganisation(c.subjectId()))
        .concatMap(p -> apply(p.id(), c,
            project -> project.integrityHolds().liftHold(c.holdId(), clock.instant())))
        .then();
  }

  private Mono<Boolean> apply(String projectId, HoldCommand c, Function<Project, Change<Project, ProjectEvent>> command) {
    return Mono.defer(() -> projects.find(projectId)
            .flatMap(project -> {
              Change<Project, ProjectEvent> change = command.apply(project);
              return projects.save(change.next(), change.events(), c.eventId());
            }))
        .retryWhen(ConcurrentChanges.retry());
  }
}
