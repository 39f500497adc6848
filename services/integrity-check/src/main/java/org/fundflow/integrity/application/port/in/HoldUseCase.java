package org.fundflow.integrity.application.port.in;

import org.fundflow.integrity.domain.Hold;
import reactor.core.publisher.Mono;

public interface HoldUseCase {

  Mono<Hold> lift(String holdId, String reason, String officer);

  /** Lifts every hold whose end date has come (hold-lifted, reason EXPIRED); returns how many. */
  Mono<Integer> expireDue();
}
