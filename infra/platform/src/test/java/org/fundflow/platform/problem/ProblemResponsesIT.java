package org.fundflow.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Bad input and forbidden roles get RFC 9457 problem responses from every service. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@AutoConfigureWebTestClient
class ProblemResponsesIT {

  WebTestClient web;

  @Autowired
  void client(WebTestClient client) {
    // generous: a loaded 2-core machine can take more than the default 5 s for a first request
    this.web = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
  }

  private final String manager = TestJwts.token("pm-1", "PROGRAM_MANAGER");

  private WebTestClient.ResponseSpec post(String token, String body) {
    WebTestClient.RequestBodySpec spec = web.post().uri("/tallies").contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      spec = (WebTestClient.RequestBodySpec) spec.headers(h -> h.setBearerAuth(token));
    }
    return spec.bodyValue(body).exchange();
  }

  @Test
  void aValidRequestOfTheRightRoleIsServed() {
    post(manager, "{\"name\":\"t1\",\"start\":1}").expectStatus().isOk()
        .expectBody().jsonPath("$.by").isEqualTo("pm-1");
  }

  @Test
  void noTokenIs401Problem() {
    post(null, "{\"name\":\"t1\"}").expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/unauthenticated");
  }

  @Test
  void aForgedTokenIs401() {
    String forged = manager.substring(0, manager.lastIndexOf('.') + 1) + "AAAA";
    post(forged, "{\"name\":\"t1\"}").expectStatus().isUnauthorized();
  }

  @Test
  void theWrongRoleIs403Problem() {
    post(TestJwts.token("ann", List.of("APPLICANT"), "91120112MNH91HTMX6"), "{\"name\":\"t1\",\"start\":1}")
        .expectStatus().isForbidden()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/forbidden");
  }

  @Test
  void malformedJsonIs400Problem() {
    post(manager, "{\"name\": ").expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/malformed-request");
  }

  /** Issue 12 point 6: a wrong type names the field and the type expected (was malformed-request, "Failed to read HTTP message"). */
  @Test
  void aWrongTypeIs400NamingTheFieldAndTheType() {
    post(manager, "{\"name\":\"t\",\"start\":\"many\"}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/validation")
        .jsonPath("$.errors[0].field").isEqualTo("start")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("whole number"));
  }

  @Test
  void aNumberInAStringIsNotCoerced() {
    post(manager, "{\"name\":\"t\",\"start\":\"5\"}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("start")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("whole number"));
  }

  @Test
  void aNumberWhereAStringIsExpectedIsNotCoercedAndNotEchoed() {
    post(manager, "{\"name\":\"t\",\"start\":1,\"members\":[{\"nationalId\":110108197203044876}]}")
        .expectStatus().isBadRequest()
        .expectBody(String.class).value(body -> {
          assertThat(body).contains("\"field\":\"members[0].nationalId\"", "must be a string")
              .doesNotContain("110108197203044876", "Failed to read HTTP message");
        });
  }

  @Test
  void aStringForABooleanOrANumberForAnEnumIsNotCoerced() {
    post(manager, "{\"name\":\"t\",\"start\":1,\"open\":\"true\"}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("open");
    post(manager, "{\"name\":\"t\",\"start\":1,\"kind\":0}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind")
        .jsonPath("$.errors[0].message").isEqualTo("must be one of COUNTER, GAUGE");
  }

  @Test
  void aFractionForAnIntegerIs400NotTruncated() {
    post(manager, "{\"name\":\"t\",\"start\":1.5}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/validation")
        .jsonPath("$.errors[0].field").isEqualTo("start");
  }

  @Test
  void nestedInvalidCodesAreNamedByTheirJsonPath() {
    post(manager, "{\"name\":\"t\",\"start\":1,\"abstract\":\"too long\",\"members\":[{\"organisationCode\":"
        + "\"91120112MNH91HTMX6\"},{\"organisationCode\":\"91120112MNH91HTMX7\",\"nationalId\":\"370202199301189980\"}]}")
        .expectStatus().isBadRequest()
        .expectBody(String.class).value(body -> assertThat(body)
            .contains("\"field\":\"abstract\"", "\"field\":\"members[1].organisationCode\"",
                "\"field\":\"members[1].nationalId\"")
            .doesNotContain("members[0]", "370202199301189980", "abstractText"));
  }

  /** Issue 12 point 8: was 422 naming the Java enum class. */
  @Test
  void anUnknownEnumInAQueryIs400ListingTheValues() {
    web.get().uri("/tallies?kind=LOTTERY").headers(h -> h.setBearerAuth(manager)).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/validation")
        .jsonPath("$.errors[0].field").isEqualTo("kind")
        .jsonPath("$.errors[0].message").isEqualTo("must be one of COUNTER, GAUGE");
  }

  @Test
  void invalidQueryParametersAre400NamingThem() {
    web.get().uri("/tallies?organisationCode=91120112MNH91HTMX7&limit=0").headers(h -> h.setBearerAuth(manager)).exchange()
        .expectStatus().isBadRequest()
        .expectBody(String.class).value(body -> assertThat(body)
            .contains("\"field\":\"organisationCode\"", "\"field\":\"limit\"", "problems/validation"));
    web.get().uri("/tallies?limit=ten").headers(h -> h.setBearerAuth(manager)).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
  }

  /** Issue 12 point 7: the role is checked before the body is read. */
  @Test
  void theWrongRoleIs403WhateverTheBody() {
    String applicant = TestJwts.token("ann", List.of("APPLICANT"), "91120112MNH91HTMX6");
    for (String body : List.of("{\"name\": ", "{\"name\":\"\",\"start\":\"x\"}", "[1,2]", "")) {
      post(applicant, body).expectStatus().isForbidden()
          .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/forbidden");
    }
    web.get().uri("/tallies?kind=LOTTERY").headers(h -> h.setBearerAuth(applicant)).exchange()
        .expectStatus().isForbidden();
    // a body of a type the endpoint does not consume: 403 for the wrong role (415 only for a role that may use it)
    web.post().uri("/tallies").contentType(MediaType.TEXT_PLAIN).headers(h -> h.setBearerAuth(applicant))
        .bodyValue("name=t").exchange()
        .expectStatus().isForbidden()
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/forbidden");
  }

  @Test
  void invalidFieldsAre400ProblemNamingTheFields() {
    post(manager, "{\"name\":\"\",\"start\":1000}").expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://fundflow.org/problems/validation")
        .jsonPath("$.errors[?(@.field == 'name')]").exists()
        .jsonPath("$.errors[?(@.field == 'start')]").exists();
  }

  @Test
  void anOversizeBodyIs413Problem() {
    String huge = "{\"name\":\"" + "x".repeat(600 * 1024) + "\",\"start\":1}";
    post(manager, huge).expectStatus().isEqualTo(413)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(413)
        .jsonPath("$.type").isEqualTo("https://fundflow.org/problems/payload-too-large");
  }

  @Test
  void anUnsupportedMediaTypeIs415Problem() {
    web.post().uri("/tallies").contentType(MediaType.TEXT_PLAIN).headers(h -> h.setBearerAuth(manager))
        .bodyValue("name=t").exchange()
        .expectStatus().isEqualTo(415)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/unsupported-media-type");
  }

  @Test
  void aDomainRefusalKeepsItsOwnType() {
    post(manager, "{\"name\":\"taken\",\"start\":1}").expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/tally-exists");
  }

  @Test
  void aConcurrentChangeWhoseRetriesAreSpentIs409() {
    post(manager, "{\"name\":\"contended\",\"start\":1}").expectStatus().isEqualTo(409)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/concurrent-change");
  }

  @Test
  void healthAndApiDocsAreOpen() {
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    web.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
  }
}
