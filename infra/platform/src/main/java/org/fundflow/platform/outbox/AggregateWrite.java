package org.fundflow.platform.outbox;

import java.util.List;
import java.util.Objects;

/**
 * One state change of one aggregate document, with the events it produces: the unit the
 * {@link AggregateWriter} stores in a single atomic document write.
 *
 * @param expectedVersion the version the change was computed from; {@code null} creates the document
 * @param appliedEventId the id of the received event this change applies (inbox), or {@code null}
 */
public record AggregateWrite(
    String collection,
    Object id,
    Long expectedVersion,
    Object state,
    List<OutboxEvent> events,
    String appliedEventId) {

  public AggregateWrite {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    events = List.copyOf(events == null ? List.of() : events);
  }

  public static AggregateWrite create(String collection, Object id, Object state, List<OutboxEvent> events) {
    return new AggregateWrite(collection, id, null, state, events, null);
  }

  public static AggregateWrite update(String collection, Object id, long expectedVersion, Object state,
      List<OutboxEvent> events) {
    return new AggregateWrite(collection, id, expectedVersion, state, events, null);
  }

  /** The same write, made idempotent for the received event with this id. */
  public AggregateWrite applying(String eventId) {
    return new AggregateWrite(collection, id, expectedVersion, state, events, eventId);
  }
}
