package org.fundflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

  @Test
  void attributesSurviveTheTripThroughKafkaHeaders() {
    CloudEventAttributes sent = new CloudEventAttributes("e-1", "fundflow.intake.proposal-awarded.v1",
        "/fundflow/project-intake", "prj-1", Instant.parse("2026-11-28T08:00:00Z"), "corr-1",
        "project-intake/proposal-awarded.v1.schema.json");
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.write(sent, headers);
    Map<String, Object> received = new HashMap<>();
    for (Header h : headers) {
      received.put(h.key(), h.value());
    }
    assertThat(new String((byte[]) received.get("ce_specversion"), StandardCharsets.UTF_8)).isEqualTo("1.0");
    assertThat(CloudEventHeaders.read(received)).isEqualTo(sent);
  }

  @Test
  void aMissingTypeIsMalformed() {
    assertThatThrownBy(() -> CloudEventHeaders.read(Map.of("ce_id", "x", "ce_source", "s", "ce_time", "2026-11-28T08:00:00Z")))
        .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_type");
  }

  @Test
  void aTimeThatIsNotAnInstantIsMalformed() {
    assertThatThrownBy(() -> CloudEventHeaders.read(Map.of("ce_id", "x", "ce_type", "t", "ce_source", "s", "ce_time", "yesterday")))
        .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_time");
  }
}
