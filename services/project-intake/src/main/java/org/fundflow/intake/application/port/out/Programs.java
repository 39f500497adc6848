package org.fundflow.intake.application.port.out;

import java.util.List;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Program;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Programs {

  enum Reservation { RESERVED, ALREADY_RESERVED, INSUFFICIENT_BUDGET }

  Mono<Versioned<Program>> find(String id);

  /** Ordered by id after afterId; publishedOnly leaves out drafts. */
  Flux<Program> list(String afterId, int limit, boolean publishedOnly);

  /** Stores the program and its events in one atomic write; create when expectedVersion is null. */
  Mono<Void> save(Program program, Long expectedVersion, List<IntakeEvent> events, String correlationId);

  /**
   * Atomically reserves amountFen of the program's budget for the proposal: only if the committed
   * total stays within the budget, and at most once per proposal.
   */
  Mono<Reservation> reserve(String programId, long budgetFen, String proposalId, long amountFen);

  /** Gives back a reservation made by {@link #reserve}; a no-op when there is none. */
  Mono<Void> release(String programId, String proposalId);
}
