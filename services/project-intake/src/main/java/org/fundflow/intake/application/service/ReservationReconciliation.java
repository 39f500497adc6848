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
  private final Proposals proposals;
  private final Clock clock;
  private final Duration lease;

  public ReservationReconciliation(Programs programs, Proposals proposals, Clock clock, Duration lease) {
    this.programs = programs;
    this.proposals = proposals;
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
    return proposals.find(reservation.proposalId())
        .map(found -> found.value().awardedAmountFen() != null)
        .defaultIfEmpty(false)
        .flatMap(awarded -> awarded
            ? programs.confirm(reservation).map(done -> new Reconciled(0, done ? 1 : 0))
            : programs.releaseAbandoned(reservation).map(done -> new Reconciled(done ? 1 : 0, 0)));
  }
}
