package org.fundflow.platform.events;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads event data into a consumer-owned record: tolerant of unknown fields (additive schema
 * evolution), strict about what the record requires (Jakarta constraints on the record).
 */
public final class EventReader {

  private final JsonMapper mapper;
  private final Validator validator;

  public EventReader(JsonMapper mapper, Validator validator) {
    this.mapper = mapper.rebuild()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
    this.validator = validator;
  }

  public <T> T read(byte[] payload, Class<T> type) {
    if (payload == null || payload.length == 0) {
      throw new MalformedEventException("empty event data");
    }
    T data;
    try {
      data = mapper.readValue(payload, type);
    } catch (JacksonException e) {
      throw new MalformedEventException("unreadable event data for " + type.getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
    if (data == null) {
      throw new MalformedEventException("event data is JSON null");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(data);
    if (!violations.isEmpty()) {
      throw new MalformedEventException("invalid event data for " + type.getSimpleName() + ": "
          + violations.stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(v -> v.getPropertyPath() + " " + v.getMessage())
              .collect(Collectors.joining("; ")));
    }
    return data;
  }
}
