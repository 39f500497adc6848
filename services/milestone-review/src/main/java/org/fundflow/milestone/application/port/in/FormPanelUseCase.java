package org.fundflow.milestone.application.port.in;

import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.MilestoneReport;
import reactor.core.publisher.Mono;

public interface FormPanelUseCase {

  Mono<MilestoneReport> formPanel(FormPanelCommand command);

  /** Fills the seat of an expert who declared a conflict. */
  Mono<MilestoneReport> addExpert(AddExpertCommand command);

  record FormPanelCommand(String projectId, String reportId, List<String> expertIds) {
    public FormPanelCommand {
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(reportId, "reportId");
      expertIds = List.copyOf(expertIds);
    }
  }

  record AddExpertCommand(String projectId, String reportId, String expertId) {
    public AddExpertCommand {
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(expertId, "expertId");
    }
  }
}
