package org.fundflow.intake.application.service;

import java.time.Clock;
import java.time.Duration;
import org.fundflow.intake.application.port.in.ReconcileReservationsUseCase;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Programs.PendingReservation;
import org.fundflow.intake.application.port.out.Proposals;
import reactor.core.publisher.Mono;

/**
 * Settles reservations whose lease is over: the proposal was awarded, so the reservation is its
 * commitment (confirmed); or it was not, so the award crashed or failed after reserving (released).
 * The lease must be longer than any award takes: an award still writing after it would lose its
 * reservation.
 */
public final class ReservationReconciliation implements ReconcileReservationsUseCase {

  private final Programs programs;
  private final ReservationSettlement settlement;
  private final Clock clock;
  private final Duration lease;

  public ReservationReconciliation(Programs programs, Proposals proposals, Clock clock, Duration lease) {
    this.programs = programs;
    this.settlement = new ReservationSettlement(programs, proposals);
    this.clock = clock;
    this.lease = lease;
  }

  @Override
  public Mono<Reconciled> reconcile() {
    return programs.pendingBefore(clock.instant().minus(lease))
        .concatMap(this::settle)
        .reduce(new Reconciled(0, 0), (sum, one) ->
            new Reconciled(sum.released() + one.released(), sum.confirmed() + one.confirmed()));
  }

  private Mono<Reconciled> settle(PendingReservation reservation) {
    return settlement.settle(reservation).map(outcome -> new Reconciled(
        outcome == ReservationSettlement.Outcome.RELEASED ? 1 : 0,
        outcome == ReservationSettlement.Outcome.CONFIRMED ? 1 : 0));
  }
}
