package org.fundflow.intake.application.service;

import org.fundflow.intake.application.port.out.StaleVersionException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetrySpec;

/** Load, decide and write again when the aggregate changed meanwhile; after 5 tries the conflict itself is the answer. */
final class Retries {

  private Retries() {}

  static RetrySpec onStaleVersion() {
    return Retry.max(5).filter(StaleVersionException.class::isInstance)
        .onRetryExhaustedThrow((spec, signal) -> signal.failure());
  }
}
