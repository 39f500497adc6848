package org.fundflow.intake.application.port.out;

import java.time.Instant;
import java.util.List;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Programs {

  enum Reservation { RESERVED, ALREADY_RESERVED, INSUFFICIENT_BUDGET }

  /** A reservation not yet settled: made at {@code reservedAt}, its award not yet seen by the reconciler. */
  record PendingReservation(String programId, String proposalId, long amountFen, Instant reservedAt) {}

  /** The program at its stored version. */
  Mono<Program> find(String id);

  /** Ordered by id after afterId; publishedOnly leaves out drafts; the filter's status and kind when set. */
  Flux<Program> list(String afterId, int limit, boolean publishedOnly, ProgramFilter filter);

  /**
   * Stores the program and its events in one atomic write: creates it when its version is 0, otherwise only while the
   * stored version is still the program's ({@link org.fundflow.platform.domain.ConcurrentChange} when it moved on).
   *
   * @return the program as stored, at its new version
   */
  Mono<Program> save(Program program, List<IntakeEvent> events);

  /**
   * Atomically reserves amountFen of the program's budget for the proposal: only if the committed
   * total stays within the budget, and at most once per proposal. The reservation stays pending (with
   * {@code reservedAt}) until the reconciler settles it.
   */
  Mono<Reservation> reserve(String programId, long budgetFen, String proposalId, long amountFen, Instant reservedAt);

  /** Gives back a reservation made by {@link #reserve}; a no-op when there is none. */
  Mono<Void> release(String programId, String proposalId);

  /** Pending reservations made before {@code cutoff}, of every program. */
  Flux<PendingReservation> pendingBefore(Instant cutoff);

  /** Gives back a pending reservation whose award never came; false when it was settled meanwhile. */
  Mono<Boolean> releaseAbandoned(PendingReservation reservation);

  /** Keeps a pending reservation as the award's commitment; false when it was settled meanwhile. */
  Mono<Boolean> confirm(PendingReservation reservation);

  /**
   * Gives {@code remainderFen} of a terminated project's award back to the program's budget (the awarded total goes
   * down by it) and records the project as returned, in one conditional update: at most once per project.
   *
   * @return true when given back now, false when this project's remainder was given back before
   * @throws IllegalStateException (in the Mono) when the program is unknown or has less awarded than the remainder
   */
  Mono<Boolean> returnAwardRemainder(String programId, String projectId, long remainderFen);

  /**
   * Gives a withdrawn award (an objection upheld during its public notice) back to the program's budget: the awarded
   * total goes down by the amount, the proposal's commitment is removed and the proposal recorded as returned, in one
   * conditional update: at most once per proposal (issue 17 point 2).
   *
   * @return true when given back now, false when it was given back before
   * @throws IllegalStateException (in the Mono) when the program holds no such commitment for the proposal
   */
  Mono<Boolean> returnWithdrawnAward(String programId, String proposalId, long amountFen);
}
