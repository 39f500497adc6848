package org.fundflow.subsidy.application.port.out;

import org.fundflow.subsidy.domain.AwardRemainder;
import reactor.core.publisher.Mono;

/** The remainders of terminated projects' awards, one per project, each stored with its event in one write. */
public interface AwardRemainders {

  /** Stores nothing (for callers that do not deal with terminations). */
  AwardRemainders NONE = remainder -> Mono.just(false);

  /** @return true when stored (and its event with it), false when this project's remainder was stored before */
  Mono<Boolean> release(AwardRemainder remainder);
}
