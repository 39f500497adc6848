package org.fundflow.platform.outbox;

import java.util.Date;
import org.bson.Document;

/** The stored shape of an {@link OutboxEvent} inside an aggregate's {@code outbox} array. */
final class OutboxEntryDocument {

  private OutboxEntryDocument() {}

  static Document of(OutboxEvent e) {
    Document d = new Document();
    d.put("id", e.id());
    d.put("type", e.type());
    d.put("topic", e.topic());
    d.put("key", e.key());
    d.put("subject", e.subject());
    d.put("correlationId", e.correlationId());
    d.put("time", Date.from(e.time()));
    d.put("dataSchema", e.dataSchema());
    d.put("data", e.data());
    if (e.traceparent() != null) {
      d.put("traceparent", e.traceparent());
    }
    return d;
  }

  static OutboxEvent from(Document d) {
    return new OutboxEvent(
        d.getString("id"), d.getString("type"), d.getString("topic"), d.getString("key"),
        d.getString("subject"), d.getString("correlationId"), d.getDate("time").toInstant(),
        d.getString("dataSchema"), d.getString("data"), d.getString("traceparent"));
  }
}
