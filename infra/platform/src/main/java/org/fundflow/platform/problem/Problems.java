package org.fundflow.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem responses with Fundflow {@code type} URIs. Web adapters translate their
 * service's domain refusals into these; the platform renders them as {@code application/problem+json}.
 */
public final class Problems {

  public static final String TYPE_BASE = "https://fundflow.org/problems/";
  /** The type of every 400 that names wrong fields in {@code errors[]}. */
  public static final String VALIDATION = "validation";

  private Problems() {}

  public static URI type(String slug) {
    return URI.create(TYPE_BASE + slug);
  }

  public static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
    return problem(status, slug, title, detail, Map.of());
  }

  public static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail,
      Map<String, ?> properties) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(type(slug));
    body.setTitle(title);
    properties.forEach(body::setProperty);
    return new ErrorResponseException(status, body, null);
  }

  public static ErrorResponseException notFound(String what, Object id) {
    return problem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist or is not visible to you");
  }

  public static ErrorResponseException conflict(String slug, String title, String detail) {
    return problem(HttpStatus.CONFLICT, slug, title, detail);
  }

  public static ErrorResponseException unprocessable(String slug, String title, String detail) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
  }

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  /**
   * 400 {@code validation}: the request is not well formed. Each entry names the wrong value by its JSON path
   * (or parameter name) and says what is wrong; never repeat a national ID in the message.
   */
  public static ErrorResponseException invalid(String field, String message) {
    return invalidFields(List.of(new FieldProblem(field, message)));
  }

  public static ErrorResponseException invalidFields(List<FieldProblem> errors) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalidFieldsBody(errors), null);
  }

  static ResponseEntity<Object> invalidFieldsResponse(List<FieldProblem> errors) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalidFieldsBody(errors));
  }

  private static ProblemDetail invalidFieldsBody(List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message() : "The request has invalid fields.");
    body.setType(type(VALIDATION));
    body.setTitle("Invalid request");
    body.setProperty("errors", List.copyOf(errors));
    return body;
  }
}
