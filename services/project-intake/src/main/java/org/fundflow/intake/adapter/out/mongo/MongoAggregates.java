package org.fundflow.intake.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.adapter.out.kafka.IntakeIntegrationEvents;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The shared mechanics of the aggregate stores: reads an aggregate (a plain domain record, mapped by convention; an
 * aggregate's {@code version} component is the document's stored version), and writes it plus its events through the platform's {@link AggregateWriter} in one
 * atomic document write (a stale version is the platform's {@link ConcurrentChange}).
 */
final class MongoAggregates {

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final IntakeIntegrationEvents integrationEvents;

  MongoAggregates(ReactiveMongoTemplate template, AggregateWriter writer, IntakeIntegrationEvents integrationEvents) {
    this.template = template;
    this.writer = writer;
    this.integrationEvents = integrationEvents;
  }

  <T> Mono<T> find(String collection, String id, Class<T> type) {
    return template.findById(id, Document.class, collection).map(doc -> read(doc, type));
  }

  <T> T read(Document doc, Class<T> type) {
    return template.getConverter().read(type, doc);
  }

  /** Creates the document when {@code expectedVersion} is null, otherwise writes it only at that stored version. */
  Mono<Void> save(String collection, String id, Object state, Long expectedVersion, List<IntakeEvent> events) {
    var outbox = integrationEvents.toOutbox(events);
    AggregateWrite write = expectedVersion == null
        ? AggregateWrite.create(collection, id, state, outbox)
        : AggregateWrite.update(collection, id, expectedVersion, state, outbox);
    return writer.write(write)
        .then();
  }

  ReactiveMongoTemplate template() {
    return template;
  }
}
