package org.fundflow.intake.application.service;

import org.fundflow.intake.application.port.in.AwardRemainderUseCase;
import org.fundflow.intake.application.port.out.Programs;
import reactor.core.publisher.Mono;

/**
 * Gives a terminated project's unpaid award back to its program's budget (issue 17 point 5): one conditional update
 * of the program that also records the project, so a second delivery of the event (or a duplicate with another
 * event id) changes nothing. post-subsidy computes the amount: it is the service that knows what was paid.
 */
public class AwardRemainderService implements AwardRemainderUseCase {

  private final Programs programs;

  public AwardRemainderService(Programs programs) {
    this.programs = programs;
  }

  @Override
  public Mono<Boolean> returned(AwardRemainderReleased e) {
    if (e.remainderFen() == 0) {
      return Mono.just(false);
    }
    return programs.returnAwardRemainder(e.programId(), e.projectId(), e.remainderFen());
  }
}
