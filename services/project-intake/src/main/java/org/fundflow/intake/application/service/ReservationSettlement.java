package org.fundflow.intake.application.service;

import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Programs.PendingReservation;
import org.fundflow.intake.application.port.out.Proposals;
import reactor.core.publisher.Mono;

/**
 * Settles one pending budget reservation by what its proposal is now: an award stands, so the
 * reservation is its commitment (confirmed); none does, so the budget is given back (released).
 * Both are conditional on the reservation still being pending, so settling twice changes nothing.
 */
final class ReservationSettlement {

  enum Outcome { CONFIRMED, RELEASED, ALREADY_SETTLED }

  private final Programs programs;
  private final Proposals proposals;

  ReservationSettlement(Programs programs, Proposals proposals) {
    this.programs = programs;
    this.proposals = proposals;
  }

  Mono<Outcome> settle(PendingReservation reservation) {
    return proposals.find(reservation.proposalId())
        .map(found -> found.awardedAmountFen() != null)
        .defaultIfEmpty(false)
        .flatMap(awarded -> awarded
            ? programs.confirm(reservation).map(done -> done ? Outcome.CONFIRMED : Outcome.ALREADY_SETTLED)
            : programs.releaseAbandoned(reservation).map(done -> done ? Outcome.RELEASED : Outcome.ALREADY_SETTLED));
  }
}
