package org.fundflow.platform.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundflow.platform.domain.ConcurrentChange;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.RetryBackoffSpec;

class ConcurrentChangesTest {

  private final AtomicInteger attempts = new AtomicInteger();

  /** A load-decide-write that meets a concurrent change on its first {@code conflicts} attempts. */
  private Mono<String> write(int conflicts, RuntimeException conflict) {
    return Mono.defer(() -> attempts.incrementAndGet() <= conflicts ? Mono.error(conflict) : Mono.just("written"));
  }

  private static RetryBackoffSpec quick() {
    return ConcurrentChanges.retry(3, Duration.ofMillis(1), Duration.ofMillis(2));
  }

  @Test
  void decidesAgainUntilTheWriteGoesThrough() {
    String result = write(2, new ConcurrentChange("version 3, found 4")).retryWhen(quick()).block();

    assertThat(result).isEqualTo("written");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void answersWithTheConflictItselfWhenTheRetriesAreSpent() {
    ConcurrentChange conflict = new ConcurrentChange("version 3, found 4");

    assertThatThrownBy(() -> write(Integer.MAX_VALUE, conflict).retryWhen(quick()).block()).isSameAs(conflict);
    assertThat(attempts).hasValue(4); // the first try and 3 retries
  }

  @Test
  void otherErrorsAreNotRetried() {
    IllegalStateException refused = new IllegalStateException("refused");

    assertThatThrownBy(() -> write(1, refused).retryWhen(quick()).block()).isSameAs(refused);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void theDefaultBacksOffExponentiallyWithJitter() {
    RetryBackoffSpec spec = ConcurrentChanges.retry();

    assertThat(spec.maxAttempts).isEqualTo(ConcurrentChanges.MAX_RETRIES);
    assertThat(spec.minBackoff).isEqualTo(ConcurrentChanges.FIRST_BACKOFF);
    assertThat(spec.maxBackoff).isEqualTo(ConcurrentChanges.MAX_BACKOFF);
    assertThat(spec.jitterFactor).isEqualTo(ConcurrentChanges.JITTER).isPositive();
  }
}
