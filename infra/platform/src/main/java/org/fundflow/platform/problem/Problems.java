package org.fundflow.platform.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem responses with Fundflow {@code type} URIs. Web adapters translate their
 * service's domain refusals into these; the platform renders them as {@code application/problem+json}.
 */
public final class Problems {

  public static final String TYPE_BASE = "https://fundflow.org/problems/";

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
}
