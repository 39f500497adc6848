package org.fundflow.milestone.adapter.out.mongo;

import java.util.List;
import org.fundflow.milestone.adapter.out.kafka.DiligenceEventMessages;
import org.fundflow.milestone.application.port.out.DiligenceAssessments;
import org.fundflow.milestone.domain.DiligenceAssessment;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Diligence assessments as documents in {@code diligence-assessments} (id: project + termination or report), each
 * created with its outbox event in one write; a second assessment of the same failure hits the id and is refused.
 */
public class MongoDiligenceAssessments implements DiligenceAssessments {

  public static final String COLLECTION = "diligence-assessments";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final DiligenceEventMessages messages;

  public MongoDiligenceAssessments(ReactiveMongoTemplate template, AggregateWriter writer,
      DiligenceEventMessages messages) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
  }

  @Override
  public Mono<Boolean> create(DiligenceAssessment a) {
    return writer.write(AggregateWrite.create(COLLECTION, a.id(), a, List.of(messages.toOutbox(a))))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<DiligenceAssessment> find(String id) {
    return template.findById(id, DiligenceAssessment.class, COLLECTION);
  }

  @Override
  public Flux<DiligenceAssessment> ofProject(String projectId) {
    return template.find(new Query(Criteria.where("projectId").is(projectId)), DiligenceAssessment.class, COLLECTION);
  }
}
