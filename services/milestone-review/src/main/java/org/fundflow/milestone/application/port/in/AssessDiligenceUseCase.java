package org.fundflow.milestone.application.port.in;

import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DiligenceAssessment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 尽职免责: the program manager records whether the team of a failed or terminated project was diligent. */
public interface AssessDiligenceUseCase {

  Mono<DiligenceAssessment> assess(AssessDiligenceCommand command);

  /** The assessments of a project, to whoever may see the project. */
  Flux<DiligenceAssessment> assessments(Actor actor, String projectId);

  /** {@code reportId} null: the project's termination is assessed. */
  record AssessDiligenceCommand(Actor manager, String projectId, String reportId, boolean diligent,
      boolean misconduct, String explanation, List<String> evidenceRefs) {
    public AssessDiligenceCommand {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(projectId, "projectId");
      evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
    }
  }
}
