package org.fundflow.intake.application.port.out;

import java.util.List;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Proposals {

  /** Filters of a list; null means any. Ordered by id (ids grow with time), after the given id. */
  record Filter(String organisationCode, String programId, ProposalStatus status, String afterId, int limit) {}

  Mono<Versioned<Proposal>> find(String id);

  Flux<Proposal> list(Filter filter);

  Mono<Void> save(Proposal proposal, Long expectedVersion, List<IntakeEvent> events);

  /** Deletes the proposal if it still has this version. */
  Mono<Void> delete(String id, long expectedVersion);
}
