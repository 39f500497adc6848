package org.fundflow.milestone.application.port.in;

import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an actor may read: its organisation's projects, the reports it is assigned to, or everything (staff). */
public interface QueryProjectsUseCase {

  Mono<Project> project(Actor actor, String projectId);

  Flux<Project> projects(Actor actor);

  Mono<ProjectReport> report(Actor actor, String projectId, String reportId);

  Flux<ProjectReport> assignments(Actor expert);

  Mono<ExpertProfile> expert(Actor actor, String expertId);

  record ProjectReport(Project project, MilestoneReport report) {}
}
