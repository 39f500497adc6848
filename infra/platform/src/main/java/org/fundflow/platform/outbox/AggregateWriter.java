package org.fundflow.platform.outbox;

import static org.fundflow.platform.outbox.AggregateDocument.ID;
import static org.fundflow.platform.outbox.AggregateDocument.INBOX;
import static org.fundflow.platform.outbox.AggregateDocument.INBOX_SIZE;
import static org.fundflow.platform.outbox.AggregateDocument.OUTBOX;
import static org.fundflow.platform.outbox.AggregateDocument.OUTBOX_LEASE;
import static org.fundflow.platform.outbox.AggregateDocument.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.fundflow.platform.application.Correlation;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.platform.tracing.CurrentTrace;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Stores a state change and the events it produces in ONE atomic single-document write: the
 * state fields, {@code version + 1}, the events appended to the document's {@code outbox}, and —
 * when the change applies a received event — that event's id in the bounded {@code inbox}. No
 * multi-document transaction is needed, so the same code runs on mongo-java-server and on a
 * MongoDB replica set.
 */
public final class AggregateWriter {

  private static final Set<String> PLATFORM_FIELDS = Set.of(ID, VERSION, OUTBOX, OUTBOX_LEASE, INBOX, "_class");

  private final ReactiveMongoTemplate template;
  private final OutboxRelay relay;
  private final CurrentTrace trace;

  public AggregateWriter(ReactiveMongoTemplate template, OutboxRelay relay) {
    this(template, relay, CurrentTrace.NONE);
  }

  /** @param trace where the events' trace context comes from: the request or consumed event that writes them */
  public AggregateWriter(ReactiveMongoTemplate template, OutboxRelay relay, CurrentTrace trace) {
    this.template = template;
    this.relay = relay;
    this.trace = trace;
  }

  /**
   * @return WRITTEN, or ALREADY_APPLIED when {@link AggregateWrite#appliedEventId()} was applied before
   * @throws ConcurrentChange (in the Mono) when the document changed since {@code expectedVersion} (or is gone):
   *     reload and decide again, e.g. with {@code ConcurrentChanges.retry()}
   * @throws DuplicateKeyException (in the Mono) when creating a document whose id exists
   */
  public Mono<WriteOutcome> write(AggregateWrite write) {
    return Mono.deferContextual(context -> {
      AggregateWrite traced = stamped(write, context);
      Mono<WriteOutcome> outcome = traced.expectedVersion() == null ? insert(traced) : update(traced);
      return outcome.doOnNext(o -> {
        if (o == WriteOutcome.WRITTEN && !traced.events().isEmpty() && relay != null) {
          relay.nudge(traced.collection(), traced.id());
        }
      });
    });
  }

  /**
   * The write with its events stamped by the work that stores them: the correlation id and the trace context of
   * the Reactor context (an HTTP request, a consumed event), where an event does not name its own.
   */
  AggregateWrite stamped(AggregateWrite write, ContextView context) {
    if (write.events().isEmpty()) {
      return write;
    }
    String traceparent = trace.traceparent(context);
    String correlationId = Correlation.current(context).orElse(null);
    if (traceparent == null && correlationId == null) {
      return write;
    }
    List<OutboxEvent> events = new ArrayList<>(write.events().size());
    for (OutboxEvent e : write.events()) {
      OutboxEvent stamped = e;
      if (stamped.traceparent() == null && traceparent != null) {
        stamped = stamped.withTraceparent(traceparent);
      }
      if (stamped.correlationId() == null && correlationId != null) {
        stamped = stamped.withCorrelationId(correlationId);
      }
      events.add(stamped);
    }
    return new AggregateWrite(write.collection(), write.id(), write.expectedVersion(), write.state(), events,
        write.appliedEventId());
  }

  private Mono<WriteOutcome> insert(AggregateWrite write) {
    Document doc = stateOf(write.state());
    doc.put(ID, write.id());
    doc.put(VERSION, 1L);
    doc.put(OUTBOX, outboxDocuments(write.events()));
    doc.put(INBOX, write.appliedEventId() == null ? List.of() : List.of(write.appliedEventId()));
    return template.insert(doc, write.collection())
        .thenReturn(WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> write.appliedEventId() != null
            ? Mono.just(WriteOutcome.ALREADY_APPLIED)
            : Mono.error(e));
  }

  /**
   * An event already applied is recognised by reading the document's inbox by id first; the update is then
   * conditional on the version alone (filter {@code {_id, version}}, which an index answers): an unchanged
   * version means an unchanged inbox, and a write in between makes the update miss and be explained.
   */
  private Mono<WriteOutcome> update(AggregateWrite write) {
    if (write.appliedEventId() == null) {
      return conditionalUpdate(write);
    }
    Query byId = new Query(Criteria.where(ID).is(write.id()));
    byId.fields().include(INBOX);
    return template.findOne(byId, Document.class, write.collection())
        .flatMap(current -> current.getList(INBOX, Object.class, List.of()).contains(write.appliedEventId())
            ? Mono.just(WriteOutcome.ALREADY_APPLIED)
            : conditionalUpdate(write))
        .switchIfEmpty(Mono.defer(() -> explainMiss(write)));
  }

  private Mono<WriteOutcome> conditionalUpdate(AggregateWrite write) {
    Criteria criteria = Criteria.where(ID).is(write.id()).and(VERSION).is(write.expectedVersion());
    Update update = new Update();
    Document state = stateOf(write.state());
    state.forEach(update::set);
    for (String absent : absentProperties(write.state(), state)) {
      update.unset(absent);
    }
    update.inc(VERSION, 1L);
    if (!write.events().isEmpty()) {
      update.push(OUTBOX).each(outboxDocuments(write.events()).toArray());
    }
    if (write.appliedEventId() != null) {
      update.push(INBOX).slice(-INBOX_SIZE).each(write.appliedEventId());
    }
    return template.updateFirst(new Query(criteria), update, write.collection())
        .flatMap(result -> result.getMatchedCount() == 1
            ? Mono.just(WriteOutcome.WRITTEN)
            : explainMiss(write));
  }

  private Mono<WriteOutcome> explainMiss(AggregateWrite write) {
    Query byId = new Query(Criteria.where(ID).is(write.id()));
    byId.fields().include(VERSION).include(INBOX);
    return template.findOne(byId, Document.class, write.collection())
        .flatMap(current -> {
          List<?> inbox = current.getList(INBOX, Object.class, List.of());
          if (write.appliedEventId() != null && inbox.contains(write.appliedEventId())) {
            return Mono.just(WriteOutcome.ALREADY_APPLIED);
          }
          return Mono.<WriteOutcome>error(new ConcurrentChange(
              write.collection() + " " + write.id() + " changed: expected version "
                  + write.expectedVersion() + ", found " + current.get(VERSION)));
        })
        .switchIfEmpty(Mono.error(() -> new ConcurrentChange(
            write.collection() + " " + write.id() + " does not exist")));
  }

  private Document stateOf(Object state) {
    Document doc = new Document();
    template.getConverter().write(state, doc);
    PLATFORM_FIELDS.forEach(doc::remove);
    return doc;
  }

  /** Properties of the aggregate that are null now and must be removed from the stored document. */
  private List<String> absentProperties(Object state, Document written) {
    MongoConverter converter = template.getConverter();
    MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(state.getClass());
    List<String> absent = new ArrayList<>();
    if (entity == null) {
      return absent;
    }
    for (MongoPersistentProperty property : entity) {
      String field = property.getFieldName();
      if (!PLATFORM_FIELDS.contains(field) && !isTransient(property) && !written.containsKey(field)) {
        absent.add(field);
      }
    }
    return absent;
  }

  private static boolean isTransient(PersistentProperty<?> property) {
    return property.isTransient() || !property.isWritable();
  }

  private List<Document> outboxDocuments(List<OutboxEvent> events) {
    List<Document> docs = new ArrayList<>(events.size());
    for (OutboxEvent e : events) {
      docs.add(OutboxEntryDocument.of(e));
    }
    return docs;
  }
}
