package org.fundflow.subsidy.application.port.out;

import java.util.List;
import org.fundflow.subsidy.domain.RecoveryEvent;
import org.fundflow.subsidy.domain.RecoveryOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recovery orders (追回), each written with its events in one atomic document write. */
public interface Recoveries {

  Mono<RecoveryOrder> findById(String id);

  /** @return false when an order with its (project-derived) id exists, or {@code appliedEventId} was applied */
  Mono<Boolean> create(RecoveryOrder order, List<RecoveryEvent> events, String appliedEventId);

  /** Version-checked; a concurrent change fails with ConcurrentChange. */
  Mono<Boolean> update(RecoveryOrder next, List<RecoveryEvent> events);

  /** Every order, or those of one organisation (null: all), newest first, at most 500. */
  Flux<RecoveryOrder> list(String organisationCode);
}
