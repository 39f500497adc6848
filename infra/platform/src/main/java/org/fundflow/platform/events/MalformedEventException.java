package org.fundflow.platform.events;

/**
 * A received event that can never be applied: missing envelope attributes, unreadable JSON,
 * missing or ill-typed fields. It is not retried; the binder sends it to the dead-letter topic
 * with this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String reason) {
    super(reason);
  }

  public MalformedEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
