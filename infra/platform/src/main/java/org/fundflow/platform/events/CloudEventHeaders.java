package org.fundflow.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/** Maps {@link CloudEventAttributes} to and from Kafka headers with the {@code ce_} prefix. */
public final class CloudEventHeaders {

  public static final String PREFIX = "ce_";
  public static final String SPEC_VERSION = PREFIX + "specversion";
  public static final String ID = PREFIX + "id";
  public static final String TYPE = PREFIX + "type";
  public static final String SOURCE = PREFIX + "source";
  public static final String SUBJECT = PREFIX + "subject";
  public static final String TIME = PREFIX + "time";
  public static final String CORRELATION_ID = PREFIX + "correlationid";
  public static final String DATA_SCHEMA = PREFIX + "dataschema";
  public static final String CONTENT_TYPE = "content-type";
  public static final String SPEC_VERSION_VALUE = "1.0";

  private CloudEventHeaders() {}

  public static void write(CloudEventAttributes attributes, Headers headers) {
    put(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
    put(headers, ID, attributes.id());
    put(headers, TYPE, attributes.type());
    put(headers, SOURCE, attributes.source());
    put(headers, SUBJECT, attributes.subject());
    put(headers, TIME, attributes.time().toString());
    put(headers, CORRELATION_ID, attributes.correlationId());
    put(headers, DATA_SCHEMA, attributes.dataSchema());
    put(headers, CONTENT_TYPE, "application/json");
  }

  /**
   * Reads the attributes from the headers of a received message (Spring messaging headers, whose
   * values may be Strings or raw bytes depending on the header mapper).
   *
   * @throws MalformedEventException when a required attribute is missing or unreadable
   */
  public static CloudEventAttributes read(Map<String, Object> headers) {
    String id = required(headers, ID);
    String type = required(headers, TYPE);
    String source = required(headers, SOURCE);
    String timeText = required(headers, TIME);
    Instant time;
    try {
      time = Instant.parse(timeText);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("header " + TIME + " is not an RFC 3339 UTC instant: " + timeText);
    }
    String specVersion = text(headers.get(SPEC_VERSION));
    if (specVersion != null && !SPEC_VERSION_VALUE.equals(specVersion)) {
      throw new MalformedEventException("unsupported CloudEvents specversion " + specVersion);
    }
    return new CloudEventAttributes(
        id, type, source, text(headers.get(SUBJECT)), time,
        text(headers.get(CORRELATION_ID)), text(headers.get(DATA_SCHEMA)));
  }

  private static String required(Map<String, Object> headers, String name) {
    String value = text(headers.get(name));
    if (value == null || value.isBlank()) {
      throw new MalformedEventException("missing CloudEvents header " + name);
    }
    return value;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      String s = new String(bytes, StandardCharsets.UTF_8);
      // some header mappers JSON-encode strings: "\"abc\""
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        return s.substring(1, s.length() - 1);
      }
      return s;
    }
    return value.toString();
  }

  private static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.remove(name);
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
