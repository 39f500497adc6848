package org.fundflow.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's OpenAPI document ({@code /v3/api-docs}) must say on every operation (issue 19): the bearer
 * requirement, and its problem responses as {@code application/problem+json} {@code ProblemDetail} with the problem
 * types as examples: 401, 403 and 503 always; 404 with a path variable; 400, 413 and 415 with a body; 409 on a
 * change; 412 and 428 with an {@code If-Match} header. Each service's {@code ApiDocsIT} loads its document and
 * asserts that {@link #violations} is empty.
 */
public final class ApiDocsConformance {

  private static final String TYPE_BASE = "https://fundflow.org/problems/";
  private static final Set<String> READS = Set.of("get", "head", "options");
  private static final Set<String> METHODS = Set.of("get", "head", "options", "post", "put", "patch", "delete");

  private ApiDocsConformance() {}

  /**
   * The OpenAPI document ({@code /v3/api-docs}) of the service listening on {@code port}; it must answer 200. Read with
   * a 4 MB buffer: milestone-review's document is over the 256 KB default since its proposal-review and evaluation
   * endpoints.
   */
  public static String read(int port) {
    return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(30))
        .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
        .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  /** One line per missing piece, naming the operation; empty when the document is complete. */
  public static List<String> violations(String apiDocs) {
    JsonNode doc = JsonMapper.shared().readTree(apiDocs);
    List<String> found = new ArrayList<>();
    JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer");
    if (!"http".equals(scheme.path("type").asString("")) || !"bearer".equalsIgnoreCase(scheme.path("scheme").asString(""))) {
      found.add("components.securitySchemes.bearer is not an HTTP bearer scheme");
    }
    if (!doc.path("components").path("schemas").has("ProblemDetail")) {
      found.add("components.schemas.ProblemDetail is missing");
    }
    if (!doc.path("paths").isObject() || doc.path("paths").isEmpty()) {
      found.add("the document has no operations");
    }
    for (var path : doc.path("paths").properties()) {
      for (var entry : path.getValue().properties()) {
        if (METHODS.contains(entry.getKey())) {
          check(entry.getKey().toUpperCase() + " " + path.getKey(), entry.getKey(), entry.getValue(), found);
        }
      }
    }
    return found;
  }

  private static void check(String name, String method, JsonNode operation, List<String> found) {
    boolean bearer = false;
    for (JsonNode requirement : operation.path("security")) {
      bearer |= requirement.has("bearer");
    }
    if (!bearer) {
      found.add(name + ": no bearer security requirement");
    }
    List<String> expected = new ArrayList<>(List.of("401", "403", "503"));
    boolean ifMatch = false;
    for (JsonNode parameter : operation.path("parameters")) {
      String in = parameter.path("in").asString("");
      if ("path".equals(in) && !expected.contains("404")) {
        expected.add("404");
      }
      ifMatch |= "header".equals(in) && "if-match".equalsIgnoreCase(parameter.path("name").asString(""));
    }
    if (operation.has("requestBody")) {
      expected.addAll(List.of("400", "413", "415"));
    }
    if (!READS.contains(method)) {
      expected.add("409");
    }
    if (ifMatch) {
      expected.addAll(List.of("412", "428"));
    }
    JsonNode responses = operation.path("responses");
    for (String status : expected) {
      if (!responses.has(status)) {
        found.add(name + ": no " + status + " response");
      }
    }
    for (var response : responses.properties()) {
      if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
        checkProblem(name + " " + response.getKey(), response.getKey(), response.getValue(), found);
      }
    }
  }

  private static void checkProblem(String name, String status, JsonNode response, List<String> found) {
    JsonNode media = response.path("content").path("application/problem+json");
    if (!media.path("schema").path("$ref").asString("").endsWith("/ProblemDetail")) {
      found.add(name + ": not an application/problem+json ProblemDetail");
    }
    if (media.path("examples").isEmpty()) {
      found.add(name + ": names no problem type");
    }
    for (JsonNode example : media.path("examples")) {
      JsonNode value = example.path("value");
      if (!value.path("type").asString("").startsWith(TYPE_BASE) || !status.equals(value.path("status").asString(""))) {
        found.add(name + ": example " + value + " is not a Fundflow problem type of status " + status);
      }
    }
  }
}
