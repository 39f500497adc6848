package org.fundflow.intake.application.port.out;

import java.util.List;
import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimEvent;
import org.fundflow.intake.domain.RewardClaimStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reward claims and their outbox, one atomic document write per change. */
public interface RewardClaims {

  record Filter(String organisationCode, String programId, RewardClaimStatus status, String afterId, int limit) {}

  /** The claim at its stored version. */
  Mono<RewardClaim> find(String id);

  Flux<RewardClaim> list(Filter filter);

  /** Creates the claim; false when a claim with its id exists already (the id is the organisation + achievement). */
  Mono<Boolean> create(RewardClaim claim);

  /**
   * Writes the change with its events if the stored claim still has the claim's version (else ConcurrentChange).
   *
   * @return the claim as stored, at its new version
   */
  Mono<RewardClaim> save(RewardClaim claim, List<RewardClaimEvent> events);
}
