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

  /** The proposal at its stored version. */
  Mono<Proposal> find(String id);

  Flux<Proposal> list(Filter filter);

  /**
   * Stores the proposal and its events in one atomic write: creates it when its version is 0, otherwise only while the
   * stored version is still the proposal's ({@link org.fundflow.platform.domain.ConcurrentChange} when it moved on).
   *
   * @return the proposal as stored, at its new version
   */
  Mono<Proposal> save(Proposal proposal, List<IntakeEvent> events);

  /** Deletes the proposal if it still has this version. */
  Mono<Void> delete(String id, long expectedVersion);
}
