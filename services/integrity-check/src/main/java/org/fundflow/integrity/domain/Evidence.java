package org.fundflow.integrity.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** One piece of evidence of a flag: the event that carried it and the values that triggered the rule. */
public record Evidence(String eventId, String eventType, String description, Map<String, Object> values) {

  public Evidence {
    values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
