package org.fundflow.integrity.application.port.in;

import org.fundflow.integrity.domain.Hold;
import reactor.core.publisher.Mono;

public interface HoldUseCase {

  Mono<Hold> lift(String holdId, String reason, String officer);

  /** Lifts every hold whose end date has come (hold-lifted, reason EXPIRED); returns how many. */
  Mono<Integer> expireDue();

  /**
   * Announces once every hold that ends by itself within the lead time (hold-expiring, issue 16); returns how many.
   * Safe on several replicas at once: the version-checked write lets one of them announce a hold.
   */
  Mono<Integer> announceExpiring();
}
