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

  public ServiceProblem(String service, int status, URI type, String detail, Map<String, String> fieldErrors) {
    super(service + " answered " + status + " " + type + (detail == null ? "" : ": " + detail), null, false, false);
    this.service = service;
    this.status = status;
    this.type = type;
    this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
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
