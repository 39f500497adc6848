package org.fundflow.platform.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fundflow.platform.events.ReceivedEvent;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.outbox.WriteOutcome;
import org.fundflow.platform.testapp.PlatformTestApplication.Tally;
import org.fundflow.platform.testapp.PlatformTestApplication.TallyIncremented;
import org.bson.Document;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

@Component
public class Tallies {

  public static final String COLLECTION = "tallies";
  public static final String TOPIC = "platform-test.tally-events";
  public static final String INCREMENTED = "fundflow.platformtest.tally-incremented.v1";
  public static final String COUNTED = "fundflow.platformtest.tally-counted.v1";
  public static final String COUNTED_TOPIC = "platform-test.tally-counted";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final OutboxEvents events;
  private final Map<String, Map<String, String>> logContexts = new ConcurrentHashMap<>();

  public Tallies(ReactiveMongoTemplate template, AggregateWriter writer, OutboxEvents events) {
    this.template = template;
    this.writer = writer;
    this.events = events;
  }

  /** Asks for an increment: a request document of its own whose event the consumer applies to the tally. */
  public Mono<WriteOutcome> requestIncrement(String tallyId, int by) {
    String requestId = "request-" + UUID.randomUUID();
    return writer.write(AggregateWrite.create(COLLECTION, requestId, new Tally(requestId, 0, List.of()),
        List.of(events.create(TOPIC, INCREMENTED, tallyId, tallyId, Map.of("tallyId", tallyId, "by", by)))));
  }

  /** The log context (trace and span id) the consumer had while applying the last event of this tally. */
  public Map<String, String> logContextOfLastApplied(String tallyId) {
    return logContexts.get(tallyId);
  }

  /** Applies one increment exactly once, however often the event is delivered. */
  public Mono<WriteOutcome> apply(ReceivedEvent<TallyIncremented> event) {
    String id = event.data().tallyId();
    logContexts.put(id, TallyController.traceLogContext());
    return Mono.defer(() -> template.findById(id, Document.class, COLLECTION)
            .flatMap(doc -> {
              Tally next = new Tally(id, doc.getLong("total") + event.data().by(), List.of());
              return writer.write(AggregateWrite.update(COLLECTION, id, doc.getLong("version"), next,
                  List.of(counted(next, event))).applying(event.eventId()));
            })
            .switchIfEmpty(Mono.defer(() -> {
              Tally first = new Tally(id, event.data().by(), List.of());
              return writer.write(new AggregateWrite(COLLECTION, id, null, first, List.of(counted(first, event)),
                  event.eventId()));
            })))
        .retryWhen(Retry.max(10).filter(e -> e instanceof ConcurrentChange
            || e instanceof org.springframework.dao.DuplicateKeyException));
  }

  private org.fundflow.platform.outbox.OutboxEvent counted(Tally tally, ReceivedEvent<?> cause) {
    // no correlation id passed: the writer takes the consumed event's from the handler's context
    return events.create(COUNTED_TOPIC, COUNTED, tally.id(), tally.id(),
        java.util.Map.of("tallyId", tally.id(), "total", tally.total()));
  }
}
