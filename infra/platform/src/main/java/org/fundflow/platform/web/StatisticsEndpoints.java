package org.fundflow.platform.web;

import java.util.function.Function;
import org.fundflow.platform.resilience.StoreGuard;
import reactor.core.publisher.Mono;

/**
 * The base of a service's {@code StatisticsController}: the figures for the auditors' dashboards (issue 16 point 4)
 * under {@code /statistics/...}, each read from the service's statistics use case through the {@link StoreGuard} (a
 * store that does not answer is a 503 with Retry-After, as on every other read). The subclass declares the endpoints,
 * their roles and their API docs:
 *
 * <pre>{@code
 * @GetMapping("/statistics/flags")
 * @PreAuthorize(OFFICER_OR_AUDITOR)
 * public Mono<FlagStatistics> flags() {
 *   return figures(StatisticsUseCase::flagsPerRuleAndSeverity);
 * }
 * }</pre>
 *
 * @param <U> the service's statistics use case (its port in)
 */
public abstract class StatisticsEndpoints<U> {

  private final U statistics;
  private final StoreGuard guard;

  protected StatisticsEndpoints(U statistics, StoreGuard guard) {
    this.statistics = statistics;
    this.guard = guard;
  }

  /** The figures one query of the use case yields, read through the store guard. */
  protected final <T> Mono<T> figures(Function<? super U, Mono<T>> query) {
    return guard.protect(Mono.defer(() -> query.apply(statistics)));
  }
}
