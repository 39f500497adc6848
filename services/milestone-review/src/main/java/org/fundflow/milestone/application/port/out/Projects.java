package org.fundflow.milestone.application.port.out;

import java.util.List;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectCursor;
import org.fundflow.milestone.domain.ProjectEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store of projects. Every save writes the state and its events (outbox) in one atomic write. */
public interface Projects {

  Mono<Project> find(String projectId);

  /**
   * One page of projects, newest award first (ties: id descending): those of an organisation, or those a given expert
   * sits on a panel of, or all (both null); the page starts after {@code after} (null: the first page).
   */
  Flux<Project> findPage(String organisationCode, String assignedExpertId, ProjectCursor after, int limit);

  Flux<Project> findByOrganisation(String organisationCode);

  Flux<Project> findAssignedTo(String expertId);

  /**
   * Projects with a report the expert sits on, ordered by id, from {@code fromProjectId} on (inclusive; null: from the
   * first), at most {@code limit}: one keyset page of an expert's assignments.
   */
  Flux<Project> findAssignedTo(String expertId, String fromProjectId, int limit);

  /** ACTIVE projects with a milestone OPEN for its report: the due-date sweep's candidates. */
  Flux<Project> findWithMilestonesAwaitingReport();

  /**
   * Creates the project of a received event.
   *
   * @return true when created, false when this event (or the project) was applied before
   */
  Mono<Boolean> create(Project project, List<ProjectEvent> events, String appliedEventId);

  /**
   * Stores the next state of a project, computed from the project as loaded (the version it carries), with the
   * events of that change.
   *
   * @return true when written, false when {@code appliedEventId} was applied before
   * @throws org.fundflow.platform.domain.ConcurrentChange (in the Mono) when the project changed meanwhile
   */
  Mono<Boolean> save(Project project, List<ProjectEvent> events, String appliedEventId);
}
