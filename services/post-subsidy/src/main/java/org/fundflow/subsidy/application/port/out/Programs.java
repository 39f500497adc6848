package org.fundflow.subsidy.application.port.out;

import java.time.Instant;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProgramCopy;
import org.fundflow.subsidy.domain.Program;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Program copies with their budget totals. Budget reservations are idempotent and conditional: a
 * reservation is recorded under the disbursement id and only when paid + reserved for release + amount
 * stays within the budget, in one atomic update of the program document.
 */
public interface Programs {

  enum Reservation { RESERVED, ALREADY_RESERVED, ALREADY_RELEASED, INSUFFICIENT_BUDGET, UNKNOWN_PROGRAM }

  record PendingReservation(String programId, String disbursementId, long amountFen, Instant reservedAt) {}

  Mono<Program> find(String programId);

  /** Replaces the copy when the revision is newer (or creates it); keeps the totals. */
  Mono<Void> apply(ProgramCopy copy);

  Mono<Reservation> reserve(String programId, String disbursementId, long amountFen);

  /** Turns a reservation into a release (reserved for release -> paid); no-op if it is not RESERVED. */
  Mono<Void> confirm(String programId, String disbursementId);

  /** Gives a reservation back; no-op if it is not RESERVED. */
  Mono<Void> undo(String programId, String disbursementId);

  Flux<PendingReservation> reservationsBefore(Instant before);
}
