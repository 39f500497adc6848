package org.fundflow.milestone.application.port.in;

import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Mono;

/** A program manager's post-award decisions on a project (issue 17 point 5): suspend, resume, terminate. */
public interface ManageProjectUseCase {

  Mono<Project> suspend(ProjectDecisionCommand command);

  Mono<Project> resume(ProjectDecisionCommand command);

  Mono<Project> terminate(TerminateProjectCommand command);

  record ProjectDecisionCommand(Actor manager, String projectId, String reason) {
    public ProjectDecisionCommand {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(projectId, "projectId");
    }
  }

  /** A termination by the program manager; what else a termination records (e.g. diligence) belongs here. */
  record TerminateProjectCommand(Actor manager, String projectId, String reason) {
    public TerminateProjectCommand {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(projectId, "projectId");
    }
  }
}
