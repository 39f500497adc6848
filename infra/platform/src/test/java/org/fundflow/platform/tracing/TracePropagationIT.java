package org.fundflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
 * One trace from an HTTP request through the outbox, the relay and Kafka to the consumer: the
 * request's W3C trace id is in the log context (MDC) of the request and of the handler that
 * consumes the event it stored, although the relay published that event later on its own thread.
 */
// the default sampling (10 %) applies: the caller's trace is sampled (flags 01), so it is recorded whatever the share
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class TracePropagationIT {

  WebTestClient web;

  @Autowired Tallies tallies;

  @Autowired
  void client(WebTestClient client) {
    this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void theConsumerContinuesTheTraceOfTheRequestThatStoredTheEvent() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callerSpanId = "00f067aa0ba902b7";
    String tally = "traced-" + UUID.randomUUID();

    Map<String, String> request = web.post().uri("/tallies/{id}/increments", tally)
        .headers(h -> h.setBearerAuth(TestJwts.token("pm-1", "PROGRAM_MANAGER")))
        .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, String>>() {})
        .returnResult().getResponseBody();
    assertThat(request).containsEntry("traceId", traceId);
    assertThat(request.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(callerSpanId);

    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(tallies.logContextOfLastApplied(tally)).isNotNull());
    Map<String, String> consumer = tallies.logContextOfLastApplied(tally);
    System.out.println("[platform] trace " + traceId + ": request span " + request.get("spanId")
        + ", consumer span " + consumer.get("spanId"));
    assertThat(consumer).containsEntry("traceId", traceId);
    assertThat(consumer.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(request.get("spanId"));
  }
}
