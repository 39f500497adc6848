package org.fundflow.milestone.application.port.in;

import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Evidence;
import org.fundflow.milestone.domain.MilestoneReport;
import reactor.core.publisher.Mono;

public interface SubmitReportUseCase {

  Mono<MilestoneReport> submit(SubmitReportCommand command);

  record SubmitReportCommand(Actor applicant, String projectId, String milestoneId, List<String> deliverablesMet,
      List<Evidence> evidence, long spendingToDateFen, String correlationId) {
    public SubmitReportCommand {
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(projectId, "projectId");
      deliverablesMet = deliverablesMet == null ? List.of() : List.copyOf(deliverablesMet);
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }
}
