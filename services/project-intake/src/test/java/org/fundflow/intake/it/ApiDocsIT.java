package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundflow.platform.test.ApiDocsConformance;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 point 1: every operation of this service's OpenAPI document carries the bearer requirement and the problem
 * responses its shape may answer (ProblemDetail, with the problem types), as {@link ApiDocsConformance} checks.
 */
class ApiDocsIT extends IntakeIT {


  @Test
  void givenRunningService_whenApiDocsRead_thenEveryOperationHasBearerAndItsProblemResponses() {
    String docs = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(ApiDocsConformance.violations(docs)).isEmpty();
    assertThat(docs).contains("https://fundflow.org/problems/invalid-milestone-plan", "https://fundflow.org/problems/version-mismatch")
        .as("an @IfMatch argument is documented as the If-Match header").contains("\"name\":\"If-Match\",\"in\":\"header\"");
  }
}
