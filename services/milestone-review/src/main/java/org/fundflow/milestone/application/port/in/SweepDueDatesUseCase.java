package org.fundflow.milestone.application.port.in;

import reactor.core.publisher.Mono;

/** Reminders before and OVERDUE + warning after a milestone's due date; safe to run on several replicas at once. */
public interface SweepDueDatesUseCase {

  /** @return how many projects this run changed */
  Mono<Long> sweep();
}
