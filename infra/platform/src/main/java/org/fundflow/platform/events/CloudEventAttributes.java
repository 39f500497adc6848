package org.fundflow.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 context attributes of one integration event. On Kafka they travel as
 * {@code ce_}-prefixed headers (binary mode); the record value is the JSON data only.
 */
public record CloudEventAttributes(
    String id,
    String type,
    String source,
    String subject,
    Instant time,
    String correlationId,
    String dataSchema) {

  public CloudEventAttributes {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
  }
}
