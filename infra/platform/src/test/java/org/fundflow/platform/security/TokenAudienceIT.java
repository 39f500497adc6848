package org.fundflow.platform.security;

import java.time.Duration;
import java.util.List;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With {@code fundflow.security.jwt.audience} set, a service accepts only tokens issued for it. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fundflow.security.jwt.audience=platform-test")
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class TokenAudienceIT {

  WebTestClient web;

  @Autowired
  void client(WebTestClient client) {
    this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  private WebTestClient.ResponseSpec me(String token) {
    return web.get().uri("/me").headers(h -> h.setBearerAuth(token)).exchange();
  }

  @Test
  void aTokenWithThisServiceAmongItsAudiencesIsServed() {
    me(TestJwts.tokenFor(List.of("project-intake", "platform-test"), "pm-1", "PROGRAM_MANAGER"))
        .expectStatus().isOk()
        .expectBody().jsonPath("$.subject").isEqualTo("pm-1");
  }

  @Test
  void aTokenForAnotherServiceIs401Problem() {
    me(TestJwts.tokenFor(List.of("post-subsidy"), "pm-1", "PROGRAM_MANAGER"))
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/unauthenticated");
  }

  @Test
  void aTokenWithoutAudienceIs401() {
    me(TestJwts.token("pm-1", "PROGRAM_MANAGER")).expectStatus().isUnauthorized();
  }
}
