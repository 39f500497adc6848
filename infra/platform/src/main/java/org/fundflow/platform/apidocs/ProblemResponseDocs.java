package org.fundflow.platform.apidocs;

import static org.fundflow.platform.problem.ProblemTypes.*;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fundflow.platform.problem.ProblemTypes.ProblemType;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Completes every operation of a service's OpenAPI document: the bearer security requirement and the problem
 * responses ({@code application/problem+json}, schema {@code ProblemDetail}) the operation may answer, derived from
 * its shape, each listing its problem types as examples. The controllers declare none of this.
 * <ul>
 * <li>every operation: 401, 403 (the token and the role) and 503 {@code store-unavailable};</li>
 * <li>a parameter or a body: 400 {@code validation}, {@code malformed-request};</li>
 * <li>a path variable: 404;</li>
 * <li>a body: 413, 415; multipart: the upload refusals too;</li>
 * <li>a change (not GET/HEAD/OPTIONS): 409, and 422 when the service has rule refusals;</li>
 * <li>an {@code If-Match} header: 412 and 428.</li>
 * </ul>
 * The service's own types ({@link ApiDocsProperties}) join every operation that answers their status.
 */
public class ProblemResponseDocs implements GlobalOpenApiCustomizer {

  public static final String SECURITY_SCHEME = "bearer";
  public static final String PROBLEM_SCHEMA = "ProblemDetail";
  public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final List<ProblemType> serviceTypes;

  public ProblemResponseDocs(List<ProblemType> serviceTypes) {
    this.serviceTypes = List.copyOf(serviceTypes);
  }

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents()
        .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
            .bearerFormat("JWT").description("An access token of the identity provider (Keycloak realm fundflow)."))
        .addSchemas("FieldProblem", new ObjectSchema()
            .addProperty("field", new StringSchema().description("JSON path of the wrong value, or the parameter name"))
            .addProperty("message", new StringSchema()))
        .addSchemas(PROBLEM_SCHEMA, problemSchema());
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().values().forEach(item -> item.readOperationsMap().forEach(this::document));
  }

  /** The problem types an operation of this shape may answer, by status. */
  Map<Integer, List<ProblemType>> problemsOf(HttpMethod method, Operation operation) {
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    boolean multipart = body && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> type.startsWith("multipart/"));
    boolean pathVariable = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean ifMatch = parameters.stream()
        .anyMatch(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
    boolean change = !READS.contains(method);

    List<ProblemType> types = new ArrayList<>();
    if (body || !parameters.isEmpty()) {
      types.addAll(List.of(VALIDATION, MALFORMED_REQUEST));
    }
    types.addAll(List.of(UNAUTHENTICATED, FORBIDDEN));
    if (pathVariable) {
      types.add(NOT_FOUND);
    }
    if (change) {
      types.addAll(List.of(CONCURRENT_CHANGE, ALREADY_EXISTS));
    }
    if (ifMatch) {
      types.addAll(List.of(VERSION_MISMATCH, IF_MATCH_REQUIRED));
    }
    if (body) {
      types.addAll(List.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE));
    }
    if (multipart) {
      types.addAll(UPLOAD);
    }
    types.add(STORE_UNAVAILABLE);
    Set<Integer> statuses = types.stream().map(ProblemType::status).collect(Collectors.toSet());
    serviceTypes.stream()
        .filter(t -> statuses.contains(t.status()) || (change && t.status() == 422))
        .filter(t -> types.stream().noneMatch(known -> known.slug().equals(t.slug()) && known.status() == t.status()))
        .forEach(types::add);
    return types.stream().collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
  }

  private void document(HttpMethod method, Operation operation) {
    SecurityRequirement bearer = new SecurityRequirement().addList(SECURITY_SCHEME);
    if (operation.getSecurity() == null || !operation.getSecurity().contains(bearer)) {
      operation.addSecurityItem(bearer);
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    problemsOf(method, operation).forEach((status, types) -> {
      String code = String.valueOf(status);
      ApiResponse response = operation.getResponses().get(code);
      String listed = types.stream().map(ProblemType::slug).collect(Collectors.joining(", "));
      String description = (response == null || response.getDescription() == null || response.getDescription().isBlank()
          ? HttpStatus.valueOf(status).getReasonPhrase() : response.getDescription()) + " (problem types: " + listed + ")";
      Map<String, Example> examples = new LinkedHashMap<>();
      types.forEach(t -> examples.put(t.slug(), new Example().summary(t.title()).value(example(t))));
      operation.getResponses().addApiResponse(code, new ApiResponse().description(description)
          .headers(response == null ? null : response.getHeaders())
          .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
              .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)).examples(examples))));
    });
  }

  private static Map<String, Object> example(ProblemType type) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("type", type.uri().toString());
    value.put("title", type.title());
    value.put("status", type.status());
    return value;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; the type URI names the problem (https://fundflow.org/problems/<slug>).")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .addProperty("errors", new ArraySchema().items(new Schema().$ref("#/components/schemas/FieldProblem"))
            .description("400 validation: each wrong value by its JSON path or parameter name"))
        .required(List.of("type", "title", "status"));
  }
}
