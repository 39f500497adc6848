package org.fundflow.intake.application.port.out;

import java.time.Instant;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Holds {

  /** The holds (lifted or not) on the organisation or on the person with this ID hash. */
  Flux<Hold> concerning(String organisationCode, String personIdHash);

  /** Records a placed hold once, however often the event arrives; true when it was new. */
  Mono<Boolean> recordPlaced(Hold hold, String eventId);

  /** Marks a hold lifted (remembering it even if its placement was never heard of). */
  Mono<Void> recordLifted(String holdId, HoldSubject subjectType, String subjectId, Instant liftedAt, String eventId);
}
