package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundflow.suite.LifecycleIT.ASYNC;
import static org.fundflow.suite.LifecycleIT.AUDITOR;
import static org.fundflow.suite.LifecycleIT.INTAKE;
import static org.fundflow.suite.LifecycleIT.MILESTONE;
import static org.fundflow.suite.LifecycleIT.PM;
import static org.fundflow.suite.LifecycleIT.applicant;
import static org.fundflow.suite.LifecycleIT.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 1 (立项评审) with the services as processes: a program that requires an expert review before award
 * (the default for GENERAL) with its own rubric; project-intake hands each screened proposal to milestone-review, whose
 * panels (回避, declarations, hidden scores, highest and lowest dropped with 5 experts) score them; intake ranks them;
 * an award before the review is refused, one out of rank order needs a written reason that auditors read; the top
 * proposal is awarded in order and becomes a project.
 */
class PreAwardReviewIT {

  // organisations no other scenario uses (shared/testdata/org-codes.csv)
  static final List<String> ORGS = List.of("5231011587WL1EFJ6B", "521201126KXLELYT33", "92110108EF3LH7EF5W");
  static final List<String> EXPERT_ORGS = List.of("12310115AMBRCN372R", "123101151HQW8XPY70", "1231011578KYG8A51P",
      "52310115BGC5HA2597", "12310115AMBRCN372R");
  static final List<String> EXPERT_IDS = List.of("370202199503084946", "110108196412165143", "120101199804221387",
      "12010119741019863X", "130102196710238094");
  static final List<String> PEOPLE = List.of("11010819841203824X", "120101196310216525", "12010119720627771X",
      "110108197203044876", "11010819720423791X");

  final LifecycleIT suite = new LifecycleIT();

  @BeforeAll
  static void startSuite() {
    LifecycleIT.suite = RunningSuite.get();
  }

  @Test
  void proposalsAreScoredByExpertPanelsRankedAndAwardedInOrderOrWithAReasonAuditorsRead() {
    Map<String, Object> body = LifecycleIT.programBody("GENERAL", "2026年度津南区科技计划重点项目（立项评审）",
        1_000_000_000L, 200_000_000L);
    body.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    body.remove("expertReview"); // the default for GENERAL: review before award
    body.put("expertReview", Map.of("rubric", List.of(Map.of("name", "创新性与技术先进性", "weight", 45),
        Map.of("name", "实施方案可行性", "weight", 35), Map.of("name", "团队与条件保障", "weight", 20))));
    String program = suite.openProgram(body);
    assertThat(expect(suite.call("GET", INTAKE, "/programs/" + program, PM, null), 200)
        .at("/expertReview/required").asBoolean()).isTrue();

    List<String> proposals = new ArrayList<>();
    String[] titles = {"海水淡化反渗透膜抗污染改性技术", "工业余热驱动吸附式制冷样机", "农村污水一体化生物处理装备"};
    for (int i = 0; i < 3; i++) {
      String org = ORGS.get(i);
      String id = suite.draft(org, LifecycleIT.proposalBody(program, org, 150_000_000L, titles[i],
          "研究内容、技术路线与考核指标（" + titles[i] + "）。", List.of("节能环保"), PEOPLE.get(i), "申报人" + i,
          PEOPLE.get(i + 1), "成员" + i, org));
      suite.submit(org, id);
      expect(suite.call("POST", INTAKE, "/proposals/" + id + "/screen", PM, null), 200);
      expect(suite.call("POST", INTAKE, "/proposals/" + id + "/review", PM, null), 200);
      proposals.add(id);
    }
    String a = proposals.get(0);
    String b = proposals.get(1);
    String c = proposals.get(2);

    // no award before the review
    JsonNode early = expect(suite.call("POST", INTAKE, "/proposals/" + a + "/award", PM,
        Map.of("amountFen", 100_000_000L)), 409);
    assertThat(early.get("type").asString()).endsWith("/review-incomplete");

    // the screened proposals reach milestone-review with the program's rubric
    for (String p : proposals) {
      await().atMost(ASYNC).pollInterval(Duration.ofMillis(200))
          .until(() -> suite.call("GET", MILESTONE, "/proposal-reviews/" + p, PM, null).status() == 200);
    }
    JsonNode review = expect(suite.call("GET", MILESTONE, "/proposal-reviews/" + a, PM, null), 200);
    assertThat(review.get("rubric").findValuesAsString("name")).containsExactly("创新性与技术先进性", "实施方案可行性",
        "团队与条件保障");

    // 回避: an expert of the applicant's organisation is refused
    String conflicted = expert(ORGS.get(0), PEOPLE.get(4), "回避专家");
    List<String> panelA = experts(5, "A");
    JsonNode refused = expect(suite.call("POST", MILESTONE, "/proposal-reviews/" + a + "/panel", PM,
        Map.of("expertIds", List.of(conflicted, panelA.get(0), panelA.get(1)))), 422);
    assertThat(refused.get("type").asString()).endsWith("/expert-conflict");

    // A: 5 experts, totals 95 82 78 74 40 -> highest and lowest dropped, mean of 74 78 82 = 78.00
    JsonNode doneA = score(a, panelA, new int[][] {{45, 30, 20}, {40, 27, 15}, {38, 25, 15}, {34, 25, 15}, {20, 10, 10}});
    assertThat(doneA.at("/result/score").asString()).isEqualTo("78.00");
    assertThat(doneA.at("/result/explanation").asString()).contains("highest 95 and lowest 40 dropped");
    // B: 3 experts, totals 90 88 86 -> 88.00; C: 3 experts, totals 60 62 64 -> 62.00
    assertThat(score(b, experts(3, "B"), new int[][] {{42, 30, 18}, {41, 30, 17}, {40, 30, 16}})
        .at("/result/score").asString()).isEqualTo("88.00");
    assertThat(score(c, experts(3, "C"), new int[][] {{30, 20, 10}, {31, 20, 11}, {32, 20, 12}})
        .at("/result/score").asString()).isEqualTo("62.00");

    // intake ranks them: B, A, C
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> expect(suite.call("GET", INTAKE,
        "/programs/" + program + "/ranking", PM, null), 200).get("ranking").size() == 3);
    JsonNode ranking = expect(suite.call("GET", INTAKE, "/programs/" + program + "/ranking", AUDITOR, null), 200);
    assertThat(ranking.get("ranking").findValuesAsString("proposalId")).containsExactly(b, a, c);
    assertThat(ranking.get("ranking").findValuesAsString("score")).containsExactly("88.00", "78.00", "62.00");

    // A before B is out of rank order: refused without a reason, awarded with one that auditors read
    JsonNode outOfOrder = expect(suite.call("POST", INTAKE, "/proposals/" + a + "/award", PM,
        Map.of("amountFen", 100_000_000L)), 422);
    assertThat(outOfOrder.get("type").asString()).endsWith("/out-of-rank-order");
    assertThat(outOfOrder.get("higherRankedProposalIds").get(0).asString()).isEqualTo(b);
    String reason = "排名第一的申报单位同期承担同类市级项目，经专家组复议，先行立项排名第二的项目。";
    JsonNode awardedA = expect(suite.call("POST", INTAKE, "/proposals/" + a + "/award", PM,
        Map.of("amountFen", 100_000_000L, "outOfRankOrderReason", reason)), 200);
    assertThat(awardedA.get("status").asString()).isEqualTo("AWARDED");
    assertThat(expect(suite.call("GET", INTAKE, "/proposals/" + a, AUDITOR, null), 200)
        .get("outOfRankOrderReason").asString()).isEqualTo(reason);

    // B, first in rank, needs no reason; both become projects in milestone-review
    JsonNode awardedB = expect(suite.call("POST", INTAKE, "/proposals/" + b + "/award", PM,
        Map.of("amountFen", 150_000_000L)), 200);
    assertThat(awardedB.has("outOfRankOrderReason")).isFalse();
    for (JsonNode awarded : List.of(awardedA, awardedB)) {
      String projectId = awarded.get("projectId").asString();
      String org = awarded.get("organisationCode").asString();
      await().atMost(ASYNC).pollInterval(Duration.ofMillis(200))
          .until(() -> suite.call("GET", MILESTONE, "/projects/" + projectId, applicant(org), null).status() == 200);
    }
    System.out.printf("[pre-award review] ranking %s; %s awarded out of order with a reason, %s in order%n",
        ranking.get("ranking").findValuesAsString("score"), a, b);
  }

  String expert(String org, String nationalId, String name) {
    String id = "exp-rev-" + UUID.randomUUID().toString().substring(0, 8);
    expect(suite.call("PUT", MILESTONE, "/experts/" + id, PM, Map.of("name", name, "organisationCode", org,
        "nationalId", nationalId, "declaredConflicts", List.of())), 200);
    return id;
  }

  List<String> experts(int n, String label) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(expert(EXPERT_ORGS.get(i), EXPERT_IDS.get(i), "评审专家" + label + i));
    }
    return ids;
  }

  /** Forms the panel; every expert declares no conflict and scores; returns the last answer (the complete review). */
  JsonNode score(String proposal, List<String> experts, int[][] scores) {
    String path = "/proposal-reviews/" + proposal;
    expect(suite.call("POST", MILESTONE, path + "/panel", PM, Map.of("expertIds", experts)), 200);
    JsonNode last = null;
    for (int i = 0; i < experts.size(); i++) {
      String token = TestJwts.token(experts.get(i), List.of("EXPERT"), EXPERT_ORGS.get(i));
      expect(suite.call("POST", MILESTONE, path + "/declaration", token, Map.of("conflict", false)), 200);
      last = expect(suite.call("PUT", MILESTONE, path + "/evaluation", token,
          Map.of("criterionScores", List.of(scores[i][0], scores[i][1], scores[i][2]), "comments", "评审意见")), 200);
      if (i < experts.size() - 1) {
        assertThat(last.has("panel")).as("no expert sees the others' scores before the panel is complete").isFalse();
      }
    }
    assertThat(last.get("status").asString()).isEqualTo("REVIEWED");
    return last;
  }
}
