package org.fundflow.milestone.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.domain.DiligenceAssessment;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * A diligence assessment (尽职免责) -> {@code fundflow.milestone.diligence-assessed.v1} on {@code milestone.project-events},
 * keyed by the project id like every event of the project.
 */
public class DiligenceEventMessages {

  public static final String DILIGENCE_ASSESSED = "fundflow.milestone.diligence-assessed.v1";

  private final OutboxEvents events;

  public DiligenceEventMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(DiligenceAssessment a) {
    DiligenceAssessedV1 message = toMessage(a);
    return events.create(ProjectEventMessages.TOPIC, message.type(), a.projectId(), a.projectId(), message);
  }

  /** The integration message of an assessment (public for the contract tests). */
  public static DiligenceAssessedV1 toMessage(DiligenceAssessment a) {
    return new DiligenceAssessedV1(a.projectId(), a.programId(), a.organisationCode(), a.milestoneId(), a.reportId(),
        a.terminating(), a.diligent(), a.misconduct(), a.explanation(), a.evidenceRefs(), a.assessedBy(),
        a.assessedAt());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DiligenceAssessedV1(String projectId, String programId, String organisationCode, String milestoneId,
      String reportId, boolean terminating, boolean diligent, boolean misconduct, String explanation,
      List<String> evidenceRefs, String assessedBy, Instant assessedAt) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String type() {
      return DILIGENCE_ASSESSED;
    }
  }
}
