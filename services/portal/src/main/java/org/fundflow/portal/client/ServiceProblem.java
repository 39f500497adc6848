package org.fundflow.portal.client;

import java.net.URI;
import java.util.Map;

/**
 * A service refused a request (a 4xx RFC 9457 problem). The portal shows it in the user's language by its {@code type};
 * it never shows the JSON. It does not count against the service's circuit breaker: the service is fine.
 */
public final class ServiceProblem extends RuntimeException {

  private final String service;
  private final int status;
  private final URI type;
  private final Map<String, String> fieldErrors;
  private final Map<String, String> extensions;

  public ServiceProblem(String service, int status, URI type, String detail, Map<String, String> fieldErrors) {
    this(service, status, type, detail, fieldErrors, Map.of());
  }

  /** {@code extensions}: the problem's other simple members, e.g. {@code holdEndDate} of an integrity-hold refusal. */
  public ServiceProblem(String service, int status, URI type, String detail, Map<String, String> fieldErrors,
      Map<String, String> extensions) {
    super(service + " answered " + status + " " + type + (detail == null ? "" : ": " + detail), null, false, false);
    this.service = service;
    this.status = status;
    this.type = type;
    this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /** A member of the problem beyond the standard ones, or null. */
  public String extension(String name) {
    return extensions.get(name);
  }

  /** The problem type's last path segment ({@code integrity-hold}), or null. */
  public String slug() {
    if (type == null || !type.toString().startsWith(ProblemMessages.TYPE_BASE)) {
      return null;
    }
    return type.toString().substring(ProblemMessages.TYPE_BASE.length());
  }

  public String service() {
    return service;
  }

  public int status() {
    return status;
  }

  /** The problem type, e.g. {@code https://fundflow.org/problems/over-cap}; null when the service sent none. */
  public URI type() {
    return type;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public boolean notFound() {
    return status == 404;
  }
}
