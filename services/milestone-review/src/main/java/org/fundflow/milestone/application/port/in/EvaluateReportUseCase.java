package org.fundflow.milestone.application.port.in;

import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Recommendation;
import org.fundflow.milestone.domain.Scores;
import reactor.core.publisher.Mono;

public interface EvaluateReportUseCase {

  Mono<MilestoneReport> evaluate(EvaluateCommand command);

  record EvaluateCommand(Actor expert, String projectId, String reportId, Scores scores, Recommendation recommendation,
      String comments) {
    public EvaluateCommand {
      Objects.requireNonNull(expert, "expert");
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(scores, "scores");
      Objects.requireNonNull(recommendation, "recommendation");
    }
  }
}
