package org.fundflow.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.List;
import org.fundflow.platform.test.ApiDocsConformance;
import org.junit.jupiter.api.Test;

/** The check the services' ApiDocsIT run fails on an operation the platform did not complete. */
class ApiDocsConformanceTest {

  @Test
  void givenUndocumentedOperation_whenChecked_thenBearerAndEachMissingProblemResponseNamed() throws Exception {
    OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/cases/{caseId}",
        new PathItem().get(new Operation().addParametersItem(new PathParameter().name("caseId")))));

    assertThat(ApiDocsConformance.violations(Json31.pretty(api))).contains(
        "GET /cases/{caseId}: no bearer security requirement", "GET /cases/{caseId}: no 404 response",
        "GET /cases/{caseId}: no 401 response", "components.schemas.ProblemDetail is missing");
  }

  @Test
  void givenCompletedOperation_whenChecked_thenNothingMissing() throws Exception {
    OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/cases/{caseId}",
        new PathItem().get(new Operation().addParametersItem(new PathParameter().name("caseId")))));
    new ProblemResponseDocs(List.of()).customise(api);

    assertThat(ApiDocsConformance.violations(Json31.pretty(api))).isEmpty();
  }
}
