package org.fundflow.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * An integration event waiting in an aggregate document's {@code outbox} array. It is written in
 * the same single-document update as the state change that produced it, and removed by the
 * {@link OutboxRelay} once Kafka has acknowledged it.
 *
 * @param correlationId the correlation id of the work that caused the event; null when created: the
 *     {@link AggregateWriter} takes it from the Reactor context of the write
 * @param key the Kafka record key: the aggregate whose events must keep their order
 * @param data the event data as JSON text, published byte for byte
 * @param traceparent the W3C trace context of the work that stored the event (null: none), sent
 *     as the record's {@code traceparent} header so that the consumer continues the same trace
 */
public record OutboxEvent(
    String id,
    String type,
    String topic,
    String key,
    String subject,
    String correlationId,
    Instant time,
    String dataSchema,
    String data,
    String traceparent) {

  public OutboxEvent(String id, String type, String topic, String key, String subject, String correlationId,
      Instant time, String dataSchema, String data) {
    this(id, type, topic, key, subject, correlationId, time, dataSchema, data, null);
  }

  public OutboxEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }

  /** The same event, caused by the work with this correlation id. */
  public OutboxEvent withCorrelationId(String correlationId) {
    return new OutboxEvent(id, type, topic, key, subject, correlationId, time, dataSchema, data, traceparent);
  }

  /** The same event, stored within the trace with this W3C {@code traceparent}. */
  public OutboxEvent withTraceparent(String traceparent) {
    return new OutboxEvent(id, type, topic, key, subject, correlationId, time, dataSchema, data, traceparent);
  }
}
