package org.fundflow.subsidy.application.port.out;

/** The stored record changed since it was read: reload and decide again. */
public class ConcurrentChange extends RuntimeException {
  public ConcurrentChange(String message, Throwable cause) {
    super(message, cause);
  }
}
