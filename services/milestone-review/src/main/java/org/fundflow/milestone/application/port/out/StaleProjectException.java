package org.fundflow.milestone.application.port.out;

/** The project changed between load and save: load it again and decide again. */
public class StaleProjectException extends RuntimeException {

  public StaleProjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
