package org.fundflow.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fundflow.platform.test.ApiDocsConformance;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The platform's test application's OpenAPI document is complete without a line of documentation in its controller. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class ApiDocsIT {

  @Autowired WebTestClient client;

  @Test
  void givenUndocumentedController_whenApiDocsRead_thenEveryOperationHasBearerAndItsProblemResponses() {
    String docs = client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
        .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(ApiDocsConformance.violations(docs)).isEmpty();
    assertThat(docs).contains("\"/tallies/{id}/increments\"", "https://fundflow.org/problems/store-unavailable",
        "https://fundflow.org/problems/unauthenticated");
  }
}
