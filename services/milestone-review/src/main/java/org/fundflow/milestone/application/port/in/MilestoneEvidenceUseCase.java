package org.fundflow.milestone.application.port.in;

import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Mono;

/**
 * Who may do what with milestone evidence files (docs/adr/0006): the project's organisation uploads to a milestone,
 * sees and removes what is still pending; a submitted report's files are read by whoever may read the report (the
 * organisation, assigned experts who declared no conflict, program managers, auditors) and never change.
 */
public interface MilestoneEvidenceUseCase {

  /** The project if the actor may add evidence to the milestone: 404 for others, 409 once the milestone is settled. */
  Mono<Project> uploadable(Actor actor, String projectId, String milestoneId);

  /** The project if the actor belongs to its organisation (the milestone's evidence workspace); 404 otherwise. */
  Mono<Project> ownMilestone(Actor actor, String projectId, String milestoneId);

  /** The project if the actor may remove the pending file; 409 {@code evidence-frozen} once a report names it. */
  Mono<Project> removable(Actor actor, String projectId, String milestoneId, String fileId);

  /** The report if the actor may read it (its files with it). */
  Mono<MilestoneReport> report(Actor actor, String projectId, String reportId);

  /** The report's file as the actor may read it; 404 when the report does not name it or is not visible. */
  Mono<EvidenceFile> readable(Actor actor, String projectId, String reportId, String fileId);
}
