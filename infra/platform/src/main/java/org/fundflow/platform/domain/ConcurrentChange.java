package org.fundflow.platform.domain;

/**
 * The aggregate changed between load and write (a stale version): load it again and decide again. The platform's
 * aggregate store raises it; {@code org.fundflow.platform.application.ConcurrentChanges#retry()} retries on it, and
 * when the retries are spent the conflict itself is the answer (409).
 */
public class ConcurrentChange extends RuntimeException {

  public ConcurrentChange(String message, Throwable cause) {
    super(message, cause);
  }

  public ConcurrentChange(String message) {
    super(message);
  }
}
