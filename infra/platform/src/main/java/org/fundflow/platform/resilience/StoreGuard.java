package org.fundflow.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The edge to the data store: a time limit and a circuit breaker. While the store is down, calls
 * fail fast with {@code CallNotPermittedException}, which the problem handler answers with 503
 * and {@code Retry-After}; the breaker closes by itself once the store answers again.
 */
public final class StoreGuard {

  public static final String BREAKER = "store";

  private final CircuitBreakerRegistry registry;
  private final CircuitBreaker breaker;
  private final Duration timeout;

  public StoreGuard(Duration timeout, Duration openFor) {
    this.timeout = timeout;
    this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(2)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(StoreGuard::isStoreFailure)
        .build());
    this.breaker = registry.circuitBreaker(BREAKER);
  }

  /** Exports the breaker's state, calls and failure rate as {@code resilience4j_circuitbreaker_*{name="store"}}. */
  public void bindTo(MeterRegistry meters) {
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
  }

  public <T> Mono<T> protect(Mono<T> call) {
    return call.timeout(timeout, Mono.error(() -> new DataAccessResourceFailureException("store did not answer within " + timeout)))
        .transformDeferred(CircuitBreakerOperator.of(breaker));
  }

  public <T> Flux<T> protect(Flux<T> call) {
    return call.timeout(timeout, Flux.error(() -> new DataAccessResourceFailureException("store did not answer within " + timeout)))
        .transformDeferred(CircuitBreakerOperator.of(breaker));
  }

  public CircuitBreaker.State state() {
    return breaker.getState();
  }

  private static boolean isStoreFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DataAccessResourceFailureException
          || c.getClass().getName().startsWith("com.mongodb.MongoSocket")
          || c.getClass().getName().equals("com.mongodb.MongoTimeoutException")
          || c instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
