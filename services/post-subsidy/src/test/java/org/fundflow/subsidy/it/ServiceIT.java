package org.fundflow.subsidy.it;

import org.junit.jupiter.api.Test;

/** The service starts with health, readiness (store + binder), OpenAPI/Swagger UI and deny-by-default JWT security. */
class ServiceIT extends SubsidyIT {

  @Test
  void healthReadinessAndApiDocsAreOpen() {
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/disbursements/{id}/release']").exists();
    web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
  }

  @Test
  void everythingElseNeedsAToken() {
    web.get().uri("/disbursements").exchange().expectStatus().isUnauthorized()
        .expectHeader().contentType("application/problem+json");
    web.get().uri("/disbursements").headers(h -> h.setBearerAuth("not-a-jwt")).exchange()
        .expectStatus().isUnauthorized();
    web.get().uri("/programs/x/budget").headers(h -> h.setBearerAuth(
            org.fundflow.platform.test.TestJwts.token("x", java.util.List.of("APPLICANT"), organisationCode())))
        .exchange().expectStatus().isForbidden();
    web.get().uri("/disbursements/nope").headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType("application/problem+json");
  }
}
