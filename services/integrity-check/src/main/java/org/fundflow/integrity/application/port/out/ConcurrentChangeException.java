package org.fundflow.integrity.application.port.out;

/** The record changed between load and save: load again and decide again. */
public class ConcurrentChangeException extends RuntimeException {
  public ConcurrentChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
