package org.fundflow.platform.application;

import java.time.Duration;
import org.fundflow.platform.domain.ConcurrentChange;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The one retry of a load-decide-write that met a {@link ConcurrentChange}: resubscribe (load and decide again)
 * with an exponential backoff and jitter, so that writers racing for one aggregate spread out instead of colliding
 * in lock step. Other errors are not retried; when the attempts are spent, the last {@link ConcurrentChange}
 * itself is signalled (not Reactor's RetryExhaustedException), so it is answered as a conflict.
 *
 * <pre>{@code
 * Mono.defer(() -> store.find(id).map(decide).flatMap(store::save)).retryWhen(ConcurrentChanges.retry())
 * }</pre>
 */
public final class ConcurrentChanges {

  public static final int MAX_RETRIES = 10;
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(5);
  public static final Duration MAX_BACKOFF = Duration.ofMillis(500);
  public static final double JITTER = 0.5;

  private ConcurrentChanges() {}

  /** Up to {@link #MAX_RETRIES} retries, backing off from {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF} with jitter. */
  public static RetryBackoffSpec retry() {
    return retry(MAX_RETRIES, FIRST_BACKOFF, MAX_BACKOFF);
  }

  /** The same retry with other bounds (tests use tiny ones). */
  public static RetryBackoffSpec retry(int maxRetries, Duration firstBackoff, Duration maxBackoff) {
    return Retry.backoff(maxRetries, firstBackoff)
        .maxBackoff(maxBackoff)
        .jitter(JITTER)
        .filter(ConcurrentChange.class::isInstance)
        .onRetryExhaustedThrow((spec, signal) -> signal.failure());
  }
}
