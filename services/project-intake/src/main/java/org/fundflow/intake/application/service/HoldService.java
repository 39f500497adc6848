package org.fundflow.intake.application.service;

import org.fundflow.intake.application.port.in.HoldUseCase;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.intake.domain.Hold;
import reactor.core.publisher.Mono;

public final class HoldService implements HoldUseCase {

  private final Holds holds;

  public HoldService(Holds holds) {
    this.holds = holds;
  }

  @Override
  public Mono<Void> placed(HoldPlaced e) {
    return holds.recordPlaced(new Hold(e.holdId(), e.subjectType(), e.subjectId(), e.reason(), e.startsAt(), e.endsAt(),
        false), e.eventId()).then();
  }

  @Override
  public Mono<Void> lifted(HoldLifted e) {
    return holds.recordLifted(e.holdId(), e.subjectType(), e.subjectId(), e.liftedAt(), e.eventId());
  }
}
