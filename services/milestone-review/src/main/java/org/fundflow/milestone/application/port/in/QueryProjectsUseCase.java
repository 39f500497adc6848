package org.fundflow.milestone.application.port.in;

import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an actor may read: its organisation's projects, the reports it is assigned to, or everything (staff). */
public interface QueryProjectsUseCase {

  Mono<Project> project(Actor actor, String projectId);

  /** The projects the actor may see, one page (at most {@code limit}) after {@code after} (null: the first). */
  Flux<Project> projects(Actor actor, ProjectCursor after, int limit);

  Mono<ProjectReport> report(Actor actor, String projectId, String reportId);

  /**
   * One page of the reports the expert sits on, ordered by project id then report id, after {@code after} (null: the
   * first page); {@code limit} 1..100.
   */
  Flux<ProjectReport> assignments(Actor expert, AssignmentCursor after, int limit);

  /**
   * The expert's assignment on one report: its seat, or the conflict it declared (回避) on it; not-visible when it never
   * sat on the report.
   */
  Mono<ProjectReport> assignment(Actor expert, String projectId, String reportId);

  Mono<ExpertProfile> expert(Actor actor, String expertId);

  record ProjectReport(Project project, MilestoneReport report) {}
}
