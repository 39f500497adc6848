package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundflow.intake.domain.Fixtures.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 立项评审 (issue 17 point 1): the review setting, the rubric, the ranking and the award order, without store. */
class ReviewRankingTest {

  static Program reviewed() {
    return Program.draft("prg-r", new ProgramTerms("Reviewed", ProgramKind.GENERAL, 100_000, 50_000,
        Fixtures.openWindow(), new FundingSplit(60, 40), null), NOW).open(NOW).next();
  }

  static Proposal underReview(Program program, String id) {
    Proposal draft = Proposal.draft(id, program, null, Fixtures.ORG, "Org", "alice", Fixtures.content(1_000), NOW);
    return draft.submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(), List.of(), NOW).next()
        .screen().next().sendToReview(program, NOW).next();
  }

  static ReviewResult review(String id, String score) {
    return new ReviewResult(id, "prg-r", score, List.of(70, 80, 90), List.of(), "mean", 3, NOW);
  }

  @Test
  void theReviewIsOnByDefaultForChallengeAndGeneralAndOffForPostSubsidy() {
    assertThat(reviewed().terms().reviewRequired()).isTrue();
    assertThat(new ProgramTerms("c", ProgramKind.CHALLENGE, 100, 10, Fixtures.openWindow(), null, null)
        .expertReview()).isEqualTo(ExpertReview.defaultFor(ProgramKind.CHALLENGE));
    assertThat(ExpertReview.defaultFor(ProgramKind.POST_SUBSIDY).required()).isFalse();
    assertThat(ExpertReview.defaultFor(ProgramKind.REWARD).required()).isFalse();
    assertThat(ExpertReview.DEFAULT_RUBRIC).extracting(RubricCriterion::weight).containsExactly(40, 30, 20, 10);
    assertThat(Fixtures.openGeneral(1000, 100).terms().reviewRequired()).as("set off explicitly").isFalse();
  }

  @Test
  void theRubricsWeightsAddUpToExactly100() {
    assertThatThrownBy(() -> new ExpertReview(true, List.of(new RubricCriterion("a", 60), new RubricCriterion("b", 30))))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("invalid-rubric"));
    assertThatThrownBy(() -> new ExpertReview(true, List.of(new RubricCriterion("a", 50), new RubricCriterion("a", 50))))
        .isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> new ExpertReview(true, List.of(new RubricCriterion("a", 0), new RubricCriterion("b", 100))))
        .isInstanceOf(IntakeRefusal.class);
    assertThat(new ExpertReview(true, List.of(new RubricCriterion("a", 55), new RubricCriterion("b", 45))).rubric())
        .hasSize(2);
  }

  @Test
  void aProposalSentToReviewGoesToThePanelOnlyWhenTheProgramRequiresIt() {
    Program program = reviewed();
    var change = Proposal.draft("prp-9", program, null, Fixtures.ORG, "Org", "a", Fixtures.content(1_000), NOW)
        .submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(), List.of(), NOW).next().screen()
        .next().sendToReview(program, NOW);
    assertThat(change.events()).singleElement().isInstanceOfSatisfying(IntakeEvent.ProposalScreened.class,
        e -> assertThat(e.review().rubric()).isEqualTo(ExpertReview.DEFAULT_RUBRIC));
    Program off = Fixtures.openGeneral(10_000, 1_000);
    assertThat(Fixtures.submitted(off, 1_000).screen().next().sendToReview(off, NOW).events()).isEmpty();
  }

  @Test
  void proposalsAreRankedByScoreEqualScoresSharingARank() {
    Program program = reviewed();
    List<Proposal> proposals = List.of(underReview(program, "a"), underReview(program, "b"), underReview(program, "c"),
        underReview(program, "d"));
    ReviewRanking ranking = ReviewRanking.of(List.of(review("a", "70.00"), review("b", "85.50"), review("c", "70.00"),
        review("d", "9.99"), review("gone", "99.00")), proposals);
    assertThat(ranking.entries()).extracting(e -> e.proposal().id()).containsExactly("b", "a", "c", "d");
    assertThat(ranking.entries()).extracting(ReviewRanking.Entry::rank).containsExactly(1, 2, 2, 4);
  }

  @Test
  void anAwardNeedsTheReviewAndOutOfRankOrderAWrittenReason() {
    Program program = reviewed();
    Proposal a = underReview(program, "a");
    Proposal b = underReview(program, "b");
    Proposal c = underReview(program, "c");
    List<ReviewResult> reviews = List.of(review("a", "70.00"), review("b", "85.50"), review("c", "70.00"));
    ReviewRanking ranking = ReviewRanking.of(reviews, List.of(a, b, c));

    assertThatThrownBy(() -> ReviewRanking.requireInOrderOrReason(program, a, null, ranking, "any"))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.slug()).isEqualTo("review-incomplete");
          assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.CONFLICT);
        });
    assertThatThrownBy(() -> ReviewRanking.requireInOrderOrReason(program, a, reviews.get(0), ranking, " "))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("out-of-rank-order"));
    assertThat(ReviewRanking.requireInOrderOrReason(program, a, reviews.get(0), ranking, "  理由  ")).isEqualTo("理由");
    // in order: the top one, and one tied with another undecided one, need no reason (a given one is not recorded)
    assertThat(ReviewRanking.requireInOrderOrReason(program, b, reviews.get(1), ranking, "extra")).isNull();
    // once the higher-ranked one is decided (awarded or rejected), the next ones are in order
    Proposal bRejected = b.reject("重复", "pm", NOW).next();
    ReviewRanking after = ReviewRanking.of(reviews, List.of(a, bRejected, c));
    assertThat(ReviewRanking.requireInOrderOrReason(program, c, reviews.get(2), after, null)).isNull();
    // a program without review checks nothing
    Program off = Fixtures.openGeneral(10_000, 1_000);
    assertThat(ReviewRanking.requireInOrderOrReason(off, a, null, ranking, null)).isNull();
  }
}
