package org.fundflow.milestone.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundflow.milestone.adapter.out.kafka.PerformanceEventMessages;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.PerformanceEvaluation.Rating;
import org.fundflow.milestone.domain.PerformanceEvaluation.RatingInput;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.ProjectStatus;
import org.fundflow.milestone.domain.ProjectUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * 绩效评价 (issue 17 point 6): what a performance evaluation needs (a completed CHALLENGE project, a panel of an odd
 * number of at least 3 experts without conflict, every indicator rated once with evidence), and its
 * {@code performance-evaluated} event against the shared schema.
 */
class PerformanceEvaluatedContractTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Actor PM = new Actor("pm-zhao", Set.of(Actor.PROGRAM_MANAGER), null);
  static final Instant T0 = PublishedEventContractTest.T0;
  static final ChallengeIndicators CHALLENGE = new ChallengeIndicators("chl-1", "prg-1", "伺服电机永磁材料",
      List.of("剩磁 Br ≥ 1.45 T", "内禀矫顽力 Hcj ≥ 1990 kA/m", "重稀土用量降低 ≥ 40 %"));
  static final EvidenceFile REPORT = new EvidenceFile("fil-1", "检测报告.pdf", "application/pdf", 48_211,
      "9f".repeat(32), "pm-zhao", T0);
  final PublishedEventContractTest fixtures = new PublishedEventContractTest();

  static List<ExpertProfile> panel(int size) {
    return java.util.stream.IntStream.range(0, size).mapToObj(i -> new ExpertProfile("ev-" + i, "专家",
        PublishedEventContractTest.EXPERT_ORG, null, null, List.of())).toList();
  }

  static List<RatingInput> ratings() {
    return List.of(new RatingInput(0, Rating.MET, "实测 1.47 T", List.of("fil-1")),
        new RatingInput(1, Rating.PARTLY_MET, "实测 1950 kA/m", List.of()),
        new RatingInput(2, Rating.NOT_MET, "降低 28 %", List.of()));
  }

  ProjectUnderTest completed() {
    ProjectUnderTest p = fixtures.project("prj-e", ProgramKind.CHALLENGE);
    fixtures.submit(p, "r1", T0);
    fixtures.review(p, "r1", T0, 90, 85, 88);
    fixtures.submit(p, "r2", T0.plus(Duration.ofDays(1)));
    fixtures.review(p, "r2", T0.plus(Duration.ofDays(2)), 90, 85, 88);
    assertThat(p.current().status()).isEqualTo(ProjectStatus.COMPLETED);
    return p;
  }

  @Test
  void aCompletedChallengeProjectIsRatedOnEveryIndicator_andTheEventMatchesTheSchema() {
    ProjectUnderTest p = completed();
    PerformanceEvaluation e = PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(3), ratings(),
        "主要指标达到", Map.of("fil-1", REPORT), T0.plus(Duration.ofDays(30)));
    assertThat(e.id()).isEqualTo("prj-e");
    assertThat(e.ratings()).extracting(PerformanceEvaluation.IndicatorRating::indicator)
        .containsExactlyElementsOf(CHALLENGE.targetIndicators());
    assertThat(e.count(Rating.MET)).isEqualTo(1);
    assertThat(e.count(Rating.PARTLY_MET)).isEqualTo(1);
    assertThat(e.count(Rating.NOT_MET)).isEqualTo(1);
    assertThat(e.fileIds()).containsExactly("fil-1");

    var message = PerformanceEventMessages.toMessage(e);
    String json = JSON.writeValueAsString(message);
    assertThat(Schemas.errors(PerformanceEventMessages.PERFORMANCE_EVALUATED, json)).as(json).isEmpty();
    assertThat(Schemas.errors(PerformanceEventMessages.PERFORMANCE_EVALUATED,
        Schemas.example("milestone-review/performance-evaluated.v1.json"))).isEmpty();
  }

  @Test
  void onlyACompletedChallengeProjectWithAProperPanelAndEveryIndicatorRatedIsEvaluated() {
    ProjectUnderTest active = fixtures.project("prj-a", ProgramKind.CHALLENGE);
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(active.current(), CHALLENGE, PM, panel(3), ratings(),
        null, Map.of("fil-1", REPORT), T0)).isInstanceOf(DomainRuleException.class)
        .extracting(x -> ((DomainRuleException) x).code()).isEqualTo("project-not-completed");
    ProjectUnderTest general = fixtures.project("prj-g", ProgramKind.GENERAL);
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(general.current(), CHALLENGE, PM, panel(3), ratings(),
        null, Map.of(), T0)).extracting(x -> ((DomainRuleException) x).code()).isEqualTo("not-a-challenge-project");

    ProjectUnderTest p = completed();
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), null, PM, panel(3), ratings(), null,
        Map.of(), T0)).extracting(x -> ((DomainRuleException) x).code()).isEqualTo("indicators-unknown");
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(4), ratings(), null,
        Map.of("fil-1", REPORT), T0)).extracting(x -> ((DomainRuleException) x).code()).isEqualTo("invalid-panel");
    ExpertProfile sameOrganisation = new ExpertProfile("ev-x", "专家", PublishedEventContractTest.ORG, null, null,
        List.of());
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM,
        List.of(panel(2).get(0), panel(2).get(1), sameOrganisation), ratings(), null, Map.of("fil-1", REPORT), T0))
        .extracting(x -> ((DomainRuleException) x).code()).isEqualTo("expert-conflict");
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(3),
        ratings().subList(0, 2), null, Map.of("fil-1", REPORT), T0))
        .extracting(x -> ((DomainRuleException) x).code()).isEqualTo("invalid-evaluation");
    List<RatingInput> twice = List.of(ratings().get(0), ratings().get(0), ratings().get(2));
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(3), twice, null,
        Map.of("fil-1", REPORT), T0)).extracting(x -> ((DomainRuleException) x).code()).isEqualTo("invalid-evaluation");
    List<RatingInput> noEvidence = List.of(new RatingInput(0, Rating.MET, " ", List.of()), ratings().get(1),
        ratings().get(2));
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(3), noEvidence, null,
        Map.of(), T0)).hasMessageContaining("evidence");
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE, PM, panel(3), ratings(), null,
        Map.of(), T0)).extracting(x -> ((DomainRuleException) x).code()).isEqualTo("unknown-evidence-file");
    assertThatThrownBy(() -> PerformanceEvaluation.evaluate(p.current(), CHALLENGE,
        new Actor("a", Set.of(Actor.AUDITOR), null), panel(3), ratings(), null, Map.of("fil-1", REPORT), T0))
        .hasMessageContaining("program manager");
  }
}
