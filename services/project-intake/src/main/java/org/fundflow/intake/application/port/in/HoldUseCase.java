package org.fundflow.intake.application.port.in;

import java.time.Instant;
import org.fundflow.intake.domain.HoldSubject;
import reactor.core.publisher.Mono;

/** Integrity holds as heard from integrity-check. */
public interface HoldUseCase {

  record HoldPlaced(String eventId, String holdId, HoldSubject subjectType, String subjectId, String reason,
      Instant startsAt, Instant endsAt) {}

  record HoldLifted(String eventId, String holdId, HoldSubject subjectType, String subjectId, Instant liftedAt) {}

  Mono<Void> placed(HoldPlaced event);

  Mono<Void> lifted(HoldLifted event);
}
