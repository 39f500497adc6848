package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.Refusal;
import org.junit.jupiter.api.Test;

/** 立项评审 (issue 17 point 1): the rules of a proposal's pre-award review panel, without broker or store. */
class ProposalReviewTest {

  static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");
  static final String ORG = "91120000225WJEN76U";
  static final String TEAM_ORG = "92120116CDJLBNT814";
  static final String EXPERT_ORG = "12310115AMBRCN372R";
  static final String MEMBER_HASH = "2b".repeat(32);
  static final List<RubricCriterion> RUBRIC = List.of(new RubricCriterion("创新性", 50),
      new RubricCriterion("可行性", 35), new RubricCriterion("团队", 15));

  static ProposalReview opened() {
    return ProposalReview.open("prp-1", "prg-1", "GENERAL", null, ORG, "研究院", "题目", "摘要", 2_000_000,
        List.of(ORG, TEAM_ORG), List.of("1a".repeat(32), MEMBER_HASH), RUBRIC, NOW);
  }

  static ExpertProfile expert(String id) {
    return new ExpertProfile(id, "专家", EXPERT_ORG, "3c".repeat(32), "1101**********824X", List.of());
  }

  static List<ExpertProfile> experts(int n) {
    List<ExpertProfile> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(expert("e" + i));
    }
    return out;
  }

  static String code(Throwable t) {
    return ((Refusal) t).slug();
  }

  @Test
  void theRubricMustBeNamedCriteriaWeighingExactly100() {
    assertThatThrownBy(() -> ProposalReview.open("p", "g", "GENERAL", null, ORG, "o", "t", "a", 1, List.of(), List.of(),
        List.of(new RubricCriterion("a", 60), new RubricCriterion("b", 30)), NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("invalid-rubric"));
    assertThatThrownBy(() -> ProposalReview.open("p", "g", "GENERAL", null, ORG, "o", "t", "a", 1, List.of(), List.of(),
        List.of(new RubricCriterion("a", 50), new RubricCriterion("a", 50)), NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("invalid-rubric"));
    assertThat(opened().status()).isEqualTo(ProposalReview.Status.AWAITING_PANEL);
  }

  @Test
  void thePanelHasAtLeastThreeExpertsAnOddNumberAndNoneInConflict() {
    ProposalReview review = opened();
    for (int n : new int[] {1, 2, 4, 6}) {
      assertThatThrownBy(() -> review.formPanel(experts(n), NOW))
          .satisfies(t -> assertThat(code(t)).isEqualTo("invalid-panel"));
    }
    List<ExpertProfile> conflicted = List.of(
        new ExpertProfile("x1", "同单位", ORG, null, null, List.of()),
        new ExpertProfile("x2", "团队单位", TEAM_ORG, null, null, List.of()),
        new ExpertProfile("x3", "团队成员", EXPERT_ORG, MEMBER_HASH, null, List.of()),
        new ExpertProfile("x4", "自行申明", EXPERT_ORG, null, null, List.of("prp-1")));
    for (ExpertProfile x : conflicted) {
      List<ExpertProfile> panel = new ArrayList<>(experts(2));
      panel.add(x);
      assertThatThrownBy(() -> review.formPanel(panel, NOW))
          .as(x.name()).satisfies(t -> assertThat(code(t)).isEqualTo("expert-conflict"));
    }
    ProposalReview formed = review.formPanel(experts(3), NOW).next();
    assertThat(formed.status()).isEqualTo(ProposalReview.Status.IN_REVIEW);
    assertThatThrownBy(() -> formed.formPanel(experts(3), NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("panel-exists"));
  }

  @Test
  void anExpertDeclaresBeforeSeeingAndScoringAndARecusedExpertIsReplacedByAnother() {
    ProposalReview formed = opened().formPanel(experts(3), NOW).next();
    Actor e0 = new Actor("e0", java.util.Set.of(Actor.EXPERT), EXPERT_ORG);
    assertThatThrownBy(() -> formed.visibleTo(e0)).satisfies(t -> assertThat(code(t)).isEqualTo("declaration-required"));
    assertThatThrownBy(() -> formed.evaluate("e0", List.of(40, 30, 10), null, 5, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("declaration-required"));
    assertThatThrownBy(() -> formed.visibleTo(new Actor("e9", java.util.Set.of(Actor.EXPERT), EXPERT_ORG)))
        .satisfies(t -> assertThat(code(t)).isEqualTo("not-found"));

    var recusal = formed.declare("e2", true, "曾合作", NOW);
    assertThat(recusal.events()).singleElement().isInstanceOfSatisfying(ProposalReview.ReviewEvent.ExpertRecused.class,
        e -> assertThat(e.expertId() + " " + e.reason()).isEqualTo("e2 曾合作"));
    assertThat(formed.declare("e1", false, null, NOW).events()).isEmpty();
    ProposalReview recused = recusal.next();
    assertThat(recused.seatOf("e2")).isEmpty();
    assertThatThrownBy(() -> recused.visibleTo(new Actor("e2", java.util.Set.of(Actor.EXPERT), EXPERT_ORG)))
        .satisfies(t -> assertThat(code(t)).isEqualTo("not-found"));
    assertThatThrownBy(() -> recused.addExpert(expert("e2"), NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("expert-conflict"));
    ProposalReview refilled = recused.addExpert(expert("e3"), NOW).next();
    assertThat(refilled.panel()).extracting(PanelSeat::expertId).containsExactly("e0", "e1", "e3");
    assertThat(refilled.declare("e0", false, null, NOW).next().visibleTo(e0)).isNotNull();
  }

  @Test
  void eachCriterionIsScoredFromZeroToItsWeight() {
    ProposalReview declared = opened().formPanel(experts(3), NOW).next().declare("e0", false, null, NOW).next();
    assertThatThrownBy(() -> declared.evaluate("e0", List.of(51, 35, 15), null, 5, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("score-out-of-range"));
    assertThatThrownBy(() -> declared.evaluate("e0", List.of(-1, 35, 15), null, 5, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("score-out-of-range"));
    assertThatThrownBy(() -> declared.evaluate("e0", List.of(50, 35), null, 5, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("score-out-of-range"));
    Change<ProposalReview, ReviewEvent> scored = declared.evaluate("e0", List.of(50, 35, 15), "满分", 5, NOW);
    assertThat(scored.events()).isEmpty();
    // a correction replaces the expert's own score until the panel is complete
    ProposalReview corrected = scored.next().evaluate("e0", List.of(40, 30, 10), null, 5, NOW).next();
    assertThat(corrected.seatOf("e0").orElseThrow().evaluation().total()).isEqualTo(80);
  }

  @Test
  void withFiveExpertsTheHighestAndLowestAreDroppedAndTheScoreIsPublishedOnceAtTheEnd() {
    ProposalReview review = opened().formPanel(experts(5), NOW).next();
    int[][] scores = {{45, 30, 15}, {40, 30, 10}, {30, 20, 10}, {20, 10, 5}, {35, 25, 10}}; // 90 80 60 35 70
    List<ReviewEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      review = review.declare("e" + i, false, null, NOW).next();
      Change<ProposalReview, ReviewEvent> c = review.evaluate("e" + i, List.of(scores[i][0], scores[i][1],
          scores[i][2]), null, 5, NOW);
      review = c.next();
      events.addAll(c.events());
    }
    assertThat(events).singleElement().isInstanceOf(ReviewEvent.ProposalReviewed.class);
    assertThat(review.status()).isEqualTo(ProposalReview.Status.REVIEWED);
    assertThat(review.result().score()).isEqualTo("70.00");
    assertThat(review.result().totalsDropped()).containsExactly(90, 35);
    assertThat(review.result().totalsUsed()).containsExactly(60, 70, 80);
    assertThat(review.result().explanation()).contains("5 experts (>= 5): highest 90 and lowest 35 dropped")
        .contains("创新性 50");
    ProposalReview closed = review;
    assertThatThrownBy(() -> closed.evaluate("e0", List.of(1, 1, 1), null, 5, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("panel-closed"));
    assertThatThrownBy(() -> closed.declare("e0", true, null, NOW))
        .satisfies(t -> assertThat(code(t)).isEqualTo("panel-closed"));
  }

  @Test
  void withThreeExpertsEveryTotalCountsAndTheMeanIsRoundedHalfUp() {
    ProposalReview review = opened().formPanel(experts(3), NOW).next();
    int[][] scores = {{40, 20, 10}, {41, 20, 10}, {41, 20, 10}}; // 70 71 71 -> 70.67
    for (int i = 0; i < 3; i++) {
      review = review.declare("e" + i, false, null, NOW).next()
          .evaluate("e" + i, List.of(scores[i][0], scores[i][1], scores[i][2]), null, 5, NOW).next();
    }
    assertThat(review.result().score()).isEqualTo("70.67");
    assertThat(review.result().totalsDropped()).isEmpty();
    assertThat(review.result().explanation()).contains("3 experts (< 5): all totals used");
  }
}
