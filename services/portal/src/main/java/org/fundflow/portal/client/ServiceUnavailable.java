package org.fundflow.portal.client;

/** A service did not answer usefully: down, too slow (timeout), a 5xx, or its circuit breaker is open. */
public final class ServiceUnavailable extends RuntimeException {

  private final String service;

  public ServiceUnavailable(String service, Throwable cause) {
    super(service + " unavailable: " + (cause == null ? "" : cause.toString()), cause, false, false);
    this.service = service;
  }

  public String service() {
    return service;
  }
}
