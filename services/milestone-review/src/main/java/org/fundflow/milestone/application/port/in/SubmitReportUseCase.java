package org.fundflow.milestone.application.port.in;

import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Evidence;
import org.fundflow.milestone.domain.MilestoneReport;
import reactor.core.publisher.Mono;

public interface SubmitReportUseCase {

  /**
   * With a {@code requestKey} (Idempotency-Key), a repeated submission answers the report it created.
   * {@code evidenceFileIds} name evidence files uploaded to the due milestone; they are frozen with the report (an id
   * that is not such a file is 422 {@code unknown-evidence-file}).
   */
  Mono<MilestoneReport> submit(SubmitReportCommand command);

  record SubmitReportCommand(Actor applicant, String projectId, String milestoneId, List<String> deliverablesMet,
      List<Evidence> evidence, long spendingToDateFen, String requestKey,
      List<String> evidenceFileIds) {
    public SubmitReportCommand {
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(projectId, "projectId");
      deliverablesMet = deliverablesMet == null ? List.of() : List.copyOf(deliverablesMet);
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
      evidenceFileIds = evidenceFileIds == null ? List.of() : List.copyOf(evidenceFileIds);
    }

    /** A submission that names no stored evidence file. */
    public SubmitReportCommand(Actor applicant, String projectId, String milestoneId, List<String> deliverablesMet,
        List<Evidence> evidence, long spendingToDateFen, String requestKey) {
      this(applicant, projectId, milestoneId, deliverablesMet, evidence, spendingToDateFen, requestKey, List.of());
    }
  }
}
