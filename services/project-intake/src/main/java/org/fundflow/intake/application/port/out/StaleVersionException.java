package org.fundflow.intake.application.port.out;

/** The aggregate changed since it was loaded: reload and decide again. */
public class StaleVersionException extends RuntimeException {
  public StaleVersionException(String message) {
    super(message);
  }
}
