package org.fundflow.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** Creates {@link OutboxEvent}s: a fresh id, the time of the fact, the data as JSON. */
public final class OutboxEvents {

  private static final Pattern TYPE = Pattern.compile("fundflow\\.[a-z-]+\\.([a-z-]+)\\.(v\\d+)");

  private final String source;
  private final JsonMapper mapper;
  private final Clock clock;

  public OutboxEvents(String source, JsonMapper mapper, Clock clock) {
    this.source = source;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The CloudEvents source of every event this service writes, e.g. {@code /fundflow/post-subsidy}. */
  public String source() {
    return source;
  }

  /**
   * An event of the work going on now: its correlation id is taken from the Reactor context when the
   * {@link AggregateWriter} stores it ({@link org.fundflow.platform.application.Correlation}).
   */
  public OutboxEvent create(String topic, String type, String key, String subject, Object data) {
    return create(topic, type, key, subject, null, data);
  }

  /** An event with an explicit correlation id (null: the one of the write's context). */
  public OutboxEvent create(String topic, String type, String key, String subject, String correlationId, Object data) {
    return new OutboxEvent(
        UUID.randomUUID().toString(), type, topic, key, subject, correlationId, clock.instant(),
        dataSchemaOf(type), mapper.writeValueAsString(data));
  }

  private String dataSchemaOf(String type) {
    Matcher m = TYPE.matcher(type);
    if (!m.matches()) {
      throw new IllegalArgumentException("event type must look like fundflow.<context>.<event>.v<N>: " + type);
    }
    String service = source.substring(source.lastIndexOf('/') + 1);
    return service + "/" + m.group(1) + "." + m.group(2) + ".schema.json";
  }
}
