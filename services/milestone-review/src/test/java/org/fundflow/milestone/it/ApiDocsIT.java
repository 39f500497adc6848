package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fundflow.platform.test.ApiDocsConformance;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 19 point 1: every operation of this service's OpenAPI document carries the bearer requirement and the problem
 * responses its shape may answer (ProblemDetail, with the problem types), as {@link ApiDocsConformance} checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class ApiDocsIT {

  @LocalServerPort int port;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        // the OpenAPI document is over the 256 KB default since the proposal-review and evaluation endpoints
        .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
  }

  @Test
  void givenRunningService_whenApiDocsRead_thenEveryOperationHasBearerAndItsProblemResponses() {
    String docs = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(ApiDocsConformance.violations(docs)).isEmpty();
    assertThat(docs).contains("https://fundflow.org/problems/panel-full", "https://fundflow.org/problems/not-found");
  }
}
