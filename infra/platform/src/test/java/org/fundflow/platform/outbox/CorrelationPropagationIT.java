package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundflow.platform.correlation.CorrelationWebFilter;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.fundflow.platform.testapp.Tallies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The correlation id of a request travels with what it causes, although no port passes it: the request's
 * X-Correlation-Id is on the event the request stored, in the log context of the consumer that applies it, and on
 * the event that consumer stores in turn (the next service's event), through the outbox, the relay and Kafka.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class CorrelationPropagationIT {

  WebTestClient web;

  @Autowired Tallies tallies;

  @Autowired
  void client(WebTestClient client) {
    this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void theRequestsCorrelationIdIsOnItsEventAndOnTheEventsTheConsumerCauses() {
    String correlationId = "corr-" + UUID.randomUUID();
    String tally = "correlated-" + UUID.randomUUID();

    Map<String, String> request = web.post().uri("/tallies/{id}/increments", tally)
        .headers(h -> h.setBearerAuth(TestJwts.token("pm-1", "PROGRAM_MANAGER")))
        .header(CorrelationWebFilter.HEADER, correlationId)
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, String>>() {})
        .returnResult().getResponseBody();
    assertThat(request).containsEntry("correlationId", correlationId);

    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(tallies.logContextOfLastApplied(tally)).isNotNull());
    assertThat(tallies.logContextOfLastApplied(tally)).containsEntry("correlationId", correlationId);

    assertThat(correlationOf(Tallies.TOPIC, tally)).isEqualTo(correlationId);
    assertThat(correlationOf(Tallies.COUNTED_TOPIC, tally)).isEqualTo(correlationId);
  }

  private static String correlationOf(String topic, String key) {
    List<ConsumerRecord<String, byte[]>> read = OutboxFixtures.readUntil(topic,
        records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60));
    ConsumerRecord<String, byte[]> record = read.stream().filter(r -> key.equals(r.key())).findFirst()
        .orElseThrow(() -> new AssertionError("no event of " + key + " on " + topic));
    return new String(record.headers().lastHeader(CloudEventHeaders.CORRELATION_ID).value(), StandardCharsets.UTF_8);
  }
}
