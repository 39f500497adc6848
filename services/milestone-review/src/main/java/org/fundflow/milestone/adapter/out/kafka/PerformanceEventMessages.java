package org.fundflow.milestone.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.PerformanceEvaluation.Rating;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * A performance evaluation (绩效评价) -> {@code fundflow.milestone.performance-evaluated.v1} on
 * {@code milestone.project-events}, keyed by the project id like every event of the project.
 */
public class PerformanceEventMessages {

  public static final String PERFORMANCE_EVALUATED = "fundflow.milestone.performance-evaluated.v1";

  private final OutboxEvents events;

  public PerformanceEventMessages(OutboxEvents events) {
    this.events = events;
  }

  public OutboxEvent toOutbox(PerformanceEvaluation e) {
    PerformanceEvaluatedV1 message = toMessage(e);
    return events.create(ProjectEventMessages.TOPIC, PERFORMANCE_EVALUATED, e.projectId(), e.projectId(), message);
  }

  /** The integration message of an evaluation (public for the contract tests). */
  public static PerformanceEvaluatedV1 toMessage(PerformanceEvaluation e) {
    return new PerformanceEvaluatedV1(e.projectId(), e.programId(), e.challengeId(), e.organisationCode(),
        e.panelExpertIds(),
        e.ratings().stream().map(r -> new RatingV1(r.index(), r.indicator(), r.rating().name(), r.evidence(),
            r.evidenceFiles().stream().map(f -> new FileV1(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(),
                f.sha256(), f.uploadedAt())).toList())).toList(),
        new CountsV1(e.count(Rating.MET), e.count(Rating.PARTLY_MET), e.count(Rating.NOT_MET)),
        e.conclusion(), e.evaluatedBy(), e.evaluatedAt());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PerformanceEvaluatedV1(String projectId, String programId, String challengeId,
      String organisationCode, List<String> panelExpertIds, List<RatingV1> ratings, CountsV1 counts,
      String conclusion, String evaluatedBy, Instant evaluatedAt) {}

  public record RatingV1(int index, String indicator, String rating, String evidence, List<FileV1> evidenceFiles) {}

  public record FileV1(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      Instant uploadedAt) {}

  public record CountsV1(long met, long partlyMet, long notMet) {}
}
