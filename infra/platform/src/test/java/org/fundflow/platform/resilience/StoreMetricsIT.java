package org.fundflow.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The store's circuit breaker is visible to Prometheus: its state and its calls. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class StoreMetricsIT {

  WebTestClient web;

  @Autowired StoreGuard guard;

  @Autowired
  void client(WebTestClient client) {
    this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void theBreakersStateAndCallsAreOnThePrometheusEndpoint() {
    guard.protect(Mono.just("stored")).block();

    String scrape = web.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(scrape)
        .contains("resilience4j_circuitbreaker_state{name=\"store\",state=\"closed\"} 1.0")
        .contains("resilience4j_circuitbreaker_state{name=\"store\",state=\"open\"} 0.0")
        .containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{kind=\"successful\",name=\"store\"} [1-9]")
        .contains("resilience4j_circuitbreaker_failure_rate{name=\"store\"}");
  }
}
