package org.fundflow.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The edge to the data store: a time limit and the circuit breaker {@value #BREAKER} (its settings in
 * {@code resilience4j.circuitbreaker.instances.store}, fundflow-platform.yml; which failures count: {@link StoreFailure}).
 * While the store is down, calls fail fast with {@code CallNotPermittedException}, which the problem handler answers
 * with 503 and {@code Retry-After}; the breaker closes by itself once the store answers again.
 */
public final class StoreGuard {

  public static final String BREAKER = "store";

  private final CircuitBreaker breaker;
  private final Duration timeout;

  public StoreGuard(Duration timeout, CircuitBreaker breaker) {
    this.timeout = timeout;
    this.breaker = breaker;
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
}
