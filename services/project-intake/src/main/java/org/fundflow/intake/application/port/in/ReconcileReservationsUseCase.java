package org.fundflow.intake.application.port.in;

import reactor.core.publisher.Mono;

/**
 * Settles budget reservations older than the lease: a crash between the reservation and the award's write
 * leaves one behind. Safe to run on every replica at once: each reservation is settled once.
 */
public interface ReconcileReservationsUseCase {

  /** How many reservations this run gave back (no award) and confirmed (the proposal was awarded). */
  record Reconciled(int released, int confirmed) {}

  Mono<Reconciled> reconcile();
}
