package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.fundflow.subsidy.adapter.out.kafka.RecoveryMessages;
import org.fundflow.subsidy.application.port.out.Recoveries;
import org.fundflow.subsidy.domain.RecoveryEvent;
import org.fundflow.subsidy.domain.RecoveryOrder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recovery orders in {@code recoveries}, id {@code rcv-<projectId>}: the id keeps one order per project. */
public final class MongoRecoveries implements Recoveries {

  public static final String COLLECTION = "recoveries";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final RecoveryMessages messages;

  public MongoRecoveries(ReactiveMongoTemplate template, AggregateWriter writer, RecoveryMessages messages) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
  }

  @Override
  public Mono<RecoveryOrder> findById(String id) {
    return template.findById(id, RecoveryOrder.class, COLLECTION);
  }

  @Override
  public Mono<Boolean> create(RecoveryOrder order, List<RecoveryEvent> events,
      String appliedEventId) {
    return writer.write(new AggregateWrite(COLLECTION, order.id(), null, order,
            events.stream().map(e -> messages.toOutbox(e)).toList(), appliedEventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<Boolean> update(RecoveryOrder next, List<RecoveryEvent> events) {
    return writer.write(AggregateWrite.update(COLLECTION, next.id(), next.version(), next,
            events.stream().map(e -> messages.toOutbox(e)).toList()))
        .map(outcome -> outcome == WriteOutcome.WRITTEN);
  }

  @Override
  public Flux<RecoveryOrder> list(String organisationCode) {
    Query q = organisationCode == null ? new Query() : new Query(Criteria.where("organisationCode").is(organisationCode));
    return template.find(q.with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(500), RecoveryOrder.class, COLLECTION);
  }
}
