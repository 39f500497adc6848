package org.fundflow.intake.application.port.out;

import org.fundflow.intake.domain.ReviewResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The expert review scores heard from milestone-review ({@code proposal-reviewed}), one per proposal. */
public interface ReviewResults {

  /** Nothing reviewed (tests of programs without review). */
  ReviewResults NONE = new ReviewResults() {
    @Override
    public Mono<Boolean> record(ReviewResult result, String eventId) {
      return Mono.just(false);
    }

    @Override
    public Mono<ReviewResult> find(String proposalId) {
      return Mono.empty();
    }

    @Override
    public Flux<ReviewResult> ofProgram(String programId) {
      return Flux.empty();
    }
  };

  /** Records the proposal's review once, however often the event arrives; true when it was new. */
  Mono<Boolean> record(ReviewResult result, String eventId);

  Mono<ReviewResult> find(String proposalId);

  Flux<ReviewResult> ofProgram(String programId);
}
