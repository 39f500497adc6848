package org.fundflow.intake.application.port.in;

import reactor.core.publisher.Mono;

/**
 * A terminated project's unpaid award, as post-subsidy publishes it (award-remainder-released): it goes back to its
 * program's budget, exactly once per project.
 */
public interface AwardRemainderUseCase {

  record AwardRemainderReleased(String eventId, String programId, String projectId, long remainderFen) {}

  /** @return true when given back now, false when it was given back before (a redelivered or duplicated event) */
  Mono<Boolean> returned(AwardRemainderReleased event);
}
