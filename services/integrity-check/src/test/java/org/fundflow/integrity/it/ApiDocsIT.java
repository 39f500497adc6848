package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundflow.platform.test.ApiDocsConformance;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 19 point 1: every operation of this service's OpenAPI document carries the bearer requirement and the problem
 * responses its shape may answer (ProblemDetail, with the problem types), as {@link ApiDocsConformance} checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundflow.integrity.expenditure.cumulative-cap-fen=10000000"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class ApiDocsIT {

  @LocalServerPort int port;

  @Test
  void givenRunningService_whenApiDocsRead_thenEveryOperationHasBearerAndItsProblemResponses() {
    String docs = ApiDocsConformance.read(port);

    assertThat(ApiDocsConformance.violations(docs)).isEmpty();
    assertThat(docs).contains("https://fundflow.org/problems/stale-revision", "https://fundflow.org/problems/malformed-csv");
  }
}
