package org.fundflow.milestone.application.port.in;

import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.MilestoneReport;
import reactor.core.publisher.Mono;

/** 回避声明: an assigned expert declares no conflict (then sees and scores) or a conflict (then leaves). */
public interface DeclareConflictUseCase {

  /** @return the report, or empty when the expert left the panel */
  Mono<MilestoneReport> declare(DeclarationCommand command);

  record DeclarationCommand(Actor expert, String projectId, String reportId, boolean conflict, String reason) {
    public DeclarationCommand {
      Objects.requireNonNull(expert, "expert");
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(reportId, "reportId");
    }
  }
}
