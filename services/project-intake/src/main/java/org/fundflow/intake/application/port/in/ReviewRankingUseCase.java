package org.fundflow.intake.application.port.in;

import java.time.Instant;
import java.util.List;
import org.fundflow.intake.domain.ReviewRanking;
import org.fundflow.intake.domain.RubricCriterion;
import reactor.core.publisher.Mono;

/** 立项评审 (issue 17 point 1): review scores heard from milestone-review, and the ranking of a program's proposals. */
public interface ReviewRankingUseCase {

  /** {@code proposal-reviewed} as heard: the panel's score of one proposal. */
  record ProposalReviewedCommand(String eventId, String proposalId, String programId, String score,
      List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation, int panelSize, Instant reviewedAt) {}

  /** A program's ranking: its review setting, the ranked proposals and those still waiting for their review. */
  record ProgramRanking(String programId, boolean reviewRequired, List<RubricCriterion> rubric, ReviewRanking ranking,
      List<org.fundflow.intake.domain.Proposal> awaitingReview) {}

  /** Records the review once (true when new); a review of an unknown proposal is recorded too (it may come first). */
  Mono<Boolean> recordReview(ProposalReviewedCommand command);

  /** Program managers and auditors only. */
  Mono<ProgramRanking> ranking(Viewer viewer, String programId);
}
