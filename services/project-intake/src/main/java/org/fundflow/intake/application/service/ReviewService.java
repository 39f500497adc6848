package org.fundflow.intake.application.service;

import java.util.Set;
import org.fundflow.intake.application.port.in.ReviewRankingUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.application.port.out.ReviewResults;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.intake.domain.ReviewRanking;
import org.fundflow.intake.domain.ReviewResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Review scores (once per proposal) and the ranking the program manager awards by. */
public final class ReviewService implements ReviewRankingUseCase {

  private final ReviewResults reviews;
  private final Programs programs;
  private final Proposals proposals;

  public ReviewService(ReviewResults reviews, Programs programs, Proposals proposals) {
    this.reviews = reviews;
    this.programs = programs;
    this.proposals = proposals;
  }

  @Override
  public Mono<Boolean> recordReview(ProposalReviewedCommand c) {
    return Mono.defer(() -> reviews.record(new ReviewResult(c.proposalId(), c.programId(), c.score(), c.totalsUsed(),
        c.totalsDropped(), c.explanation(), c.panelSize(), c.reviewedAt()), c.eventId()));
  }

  @Override
  public Mono<ProgramRanking> ranking(Viewer viewer, String programId) {
    return Mono.defer(() -> {
      if (viewer.applicant()) {
        return Mono.error(IntakeRefusal.forbidden("the ranking is for program managers and auditors"));
      }
      return programs.find(programId)
          .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)))
          .flatMap(program -> rankingOf(programId, reviews, proposals)
              .zipWith(awaiting(programId))
              .map(t -> new ProgramRanking(programId, program.terms().reviewRequired(),
                  program.terms().expertReview().rubric(), t.getT1(), t.getT2())));
    });
  }

  /** The reviewed proposals of the program, ranked. */
  static Mono<ReviewRanking> rankingOf(String programId, ReviewResults reviews, Proposals proposals) {
    return reviews.ofProgram(programId).collectList().flatMap(results -> Flux.fromIterable(results)
        .concatMap(r -> proposals.find(r.proposalId()))
        .collectList()
        .map(found -> ReviewRanking.of(results, found)));
  }

  /** Proposals in review (UNDER_REVIEW) without a score yet. */
  private Mono<java.util.List<Proposal>> awaiting(String programId) {
    return reviews.ofProgram(programId).map(ReviewResult::proposalId).collect(java.util.stream.Collectors.toSet())
        .flatMap(reviewed -> proposals.list(new Proposals.Filter(null, programId, ProposalStatus.UNDER_REVIEW, null, 100))
            .filter(p -> !((Set<String>) reviewed).contains(p.id()))
            .collectList());
  }
}
