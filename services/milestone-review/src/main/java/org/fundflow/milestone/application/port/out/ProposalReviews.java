package org.fundflow.milestone.application.port.out;

import java.util.List;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Proposal reviews (立项评审), each stored with its events in one write. */
public interface ProposalReviews {

  /** Stores a new review; false when the event was applied before or the review exists (never replaced). */
  Mono<Boolean> create(ProposalReview review, String appliedEventId);

  /** Stores the next state and its events if the review is still at its version (else ConcurrentChange). */
  Mono<Void> save(ProposalReview review, List<ReviewEvent> events);

  Mono<ProposalReview> find(String proposalId);

  /** All reviews, or one program's (programId null: all), newest first. */
  Flux<ProposalReview> list(String programId);

  Flux<ProposalReview> assignedTo(String expertId);
}
