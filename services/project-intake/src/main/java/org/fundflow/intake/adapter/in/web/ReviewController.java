package org.fundflow.intake.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.application.port.in.ReviewRankingUseCase;
import org.fundflow.intake.application.port.in.ReviewRankingUseCase.ProgramRanking;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.intake.domain.RubricCriterion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 立项评审 (issue 17 point 1): a program's proposals ranked by their expert review score. */
@RestController
@Tag(name = "review", description = "立项评审: the ranking of a program's reviewed proposals")
public class ReviewController {

  private final ReviewRankingUseCase reviews;
  private final StoreGuard guard;

  public ReviewController(ReviewRankingUseCase reviews, StoreGuard guard) {
    this.reviews = reviews;
    this.guard = guard;
  }

  /** One ranked proposal: rank (equal scores share one), score and how the panel reached it, where it stands now. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RankedProposalView(int rank, String proposalId, String title, String organisationName,
      ProposalStatus status, long requestedAmountFen, String score, List<Integer> totalsUsed,
      List<Integer> totalsDropped, String explanation, int panelSize, Instant reviewedAt, Long awardedAmountFen,
      String outOfRankOrderReason) {}

  public record AwaitingReviewView(String proposalId, String title, String organisationName, ProposalStatus status) {
    static AwaitingReviewView of(Proposal p) {
      return new AwaitingReviewView(p.id(), p.content().title(), p.organisationName(), p.status());
    }
  }

  public record RankingView(String programId, boolean reviewRequired, List<RubricCriterion> rubric,
      List<RankedProposalView> ranking, List<AwaitingReviewView> awaitingReview) {
    static RankingView of(ProgramRanking r) {
      return new RankingView(r.programId(), r.reviewRequired(), r.rubric(), r.ranking().entries().stream()
          .map(e -> new RankedProposalView(e.rank(), e.proposal().id(), e.proposal().content().title(),
              e.proposal().organisationName(), e.proposal().status(), e.proposal().content().requestedAmountFen(),
              e.review().score(), e.review().totalsUsed(), e.review().totalsDropped(), e.review().explanation(),
              e.review().panelSize(), e.review().reviewedAt(), e.proposal().awardedAmountFen(),
              e.proposal().outOfRankOrderReason()))
          .toList(), r.awaitingReview().stream().map(AwaitingReviewView::of).toList());
    }
  }

  @GetMapping("/programs/{programId}/ranking")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "The program's reviewed proposals ranked by expert review score (highest first), with the "
      + "explanation of each score, the award and any out-of-rank-order reason; and the proposals still in review")
  public Mono<RankingView> ranking(@PathVariable String programId, Caller caller) {
    return guard.protect(reviews.ranking(Requests.viewer(caller), programId).map(RankingView::of));
  }
}
