package org.fundflow.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.problem.ProblemTypes.ProblemType;
import org.junit.jupiter.api.Test;

class ProblemResponseDocsTest {

  final ProblemResponseDocs docs = new ProblemResponseDocs(List.of(
      new ProblemType("illegal-transition", 409, "Illegal transition"),
      new ProblemType("budget-exceeded", 422, "Budget exceeded")));

  @Test
  void givenPlainList_whenDocumented_thenOnlyTokenRoleAndStoreProblems() {
    Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    OpenAPI api = api("/programs", new PathItem().get(list));

    docs.customise(api);

    assertThat(list.getResponses()).containsOnlyKeys("200", "401", "403", "503");
    assertThat(list.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearer"));
    assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
    assertThat(api.getComponents().getSchemas()).containsKey("ProblemDetail");
    assertThat(list.getResponses().get("503").getContent().get("application/problem+json").getExamples())
        .containsOnlyKeys("store-unavailable");
  }

  @Test
  void givenDecisionWithPathVariableBodyAndIfMatch_whenDocumented_thenEveryApplicableProblemWithTheServiceTypes() {
    Operation decide = new Operation()
        .addParametersItem(new PathParameter().name("proposalId"))
        .addParametersItem(new HeaderParameter().name("If-Match"))
        .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))
        .responses(new ApiResponses().addApiResponse("409", new ApiResponse().description("Already decided")));
    OpenAPI api = api("/proposals/{proposalId}/award", new PathItem().post(decide));

    docs.customise(api);

    assertThat(decide.getResponses()).containsOnlyKeys("400", "401", "403", "404", "409", "412", "413", "415", "422",
        "428", "503");
    ApiResponse conflict = decide.getResponses().get("409");
    assertThat(conflict.getDescription()).startsWith("Already decided")
        .contains("concurrent-change", "illegal-transition");
    assertThat(conflict.getContent().get("application/problem+json").getExamples())
        .containsOnlyKeys("concurrent-change", "already-exists", "illegal-transition");
    assertThat(decide.getResponses().get("422").getContent().get("application/problem+json").getExamples()
        .get("budget-exceeded").getValue())
        .isEqualTo(Map.of("type", "https://fundflow.org/problems/budget-exceeded", "title", "Budget exceeded",
            "status", 422));
  }

  @Test
  void givenUpload_whenDocumented_thenTheUploadRefusalsToo() {
    Operation upload = new Operation().addParametersItem(new QueryParameter().name("name"))
        .requestBody(new RequestBody().content(new Content().addMediaType("multipart/form-data", new MediaType())));
    OpenAPI api = api("/files", new PathItem().post(upload));

    docs.customise(api);

    assertThat(upload.getResponses().get("415").getContent().get("application/problem+json").getExamples())
        .containsOnlyKeys("unsupported-media-type", "file-type-not-allowed");
    assertThat(upload.getResponses().get("413").getContent().get("application/problem+json").getExamples())
        .containsOnlyKeys("payload-too-large", "file-too-large", "record-files-too-large");
    assertThat(upload.getResponses()).doesNotContainKeys("404", "412", "428");
  }

  private static OpenAPI api(String path, PathItem item) {
    return new OpenAPI().paths(new Paths().addPathItem(path, item));
  }
}
