package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundflow.milestone.it.MilestoneReviewIT.EXPERT_ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.JSON;
import static org.fundflow.milestone.it.MilestoneReviewIT.ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.PM;
import static org.fundflow.milestone.it.MilestoneReviewIT.TEAM_ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.applicant;
import static org.fundflow.milestone.it.MilestoneReviewIT.expertToken;
import static org.fundflow.milestone.it.MilestoneReviewIT.reportBody;
import static org.fundflow.milestone.it.MilestoneReviewIT.scores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * 绩效评价 (issue 17 point 6) over HTTP, the real broker and the real store: the challenge's target indicators come
 * from project-intake's {@code challenge-published}; once the CHALLENGE project completed, the program manager
 * records the panel's rating of every indicator with evidence files, once; the applicant and auditors read it; the
 * summary per program counts the ratings per project; {@code performance-evaluated} leaves on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class PerformanceEvaluationIT {

  static final String AUDITOR = TestJwts.token("auditor-qian", "AUDITOR");
  static final List<String> INDICATORS = List.of("剩磁 Br ≥ 1.45 T", "内禀矫顽力 Hcj ≥ 1990 kA/m",
      "150 °C 下不可逆损失 ≤ 3 %", "重稀土用量较现有方案降低 ≥ 40 %");

  @LocalServerPort int port;
  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void theProgramManagerRatesEveryIndicatorOfACompletedChallengeProjectOnce_andTheSummaryCountsThem() {
    String programId = ServiceFixture.newId("prg-eval");
    String challengeId = ServiceFixture.newId("chl-eval");
    String challenge = challenge(programId, challengeId);
    kafka.send("intake.program-events", programId, "fundflow.intake.challenge-published.v1",
        UUID.randomUUID().toString(), challenge);
    // the same challenge again (a redelivery under a new id) changes nothing
    kafka.send("intake.program-events", programId, "fundflow.intake.challenge-published.v1",
        UUID.randomUUID().toString(), challenge);
    String projectId = newProject(programId, challengeId);
    String path = "/projects/" + projectId + "/performance-evaluation";

    await().atMost(Duration.ofSeconds(30)).until(() -> call(HttpMethod.GET, path, PM, null, 200)
        .get("targetIndicators").size() == 4);
    JsonNode sheet = call(HttpMethod.GET, path, PM, null, 200);
    assertThat(sheet.get("status").asString()).isEqualTo("AWAITING_COMPLETION");
    assertThat(sheet.get("targetIndicators").get(0).asString()).isEqualTo(INDICATORS.get(0));
    List<String> panel = List.of(expert(EXPERT_ORG), expert(EXPERT_ORG), expert(EXPERT_ORG));
    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(panel, List.of()), 409))).isEqualTo("project-not-completed");
    assertThat(type(json(upload(PM, path + "/evidence", "检测报告.pdf", BadUploads.pdf(3_000, 7)), 409)))
        .isEqualTo("project-not-completed");

    complete(projectId);
    assertThat(call(HttpMethod.GET, path, PM, null, 200).get("status").asString()).isEqualTo("OPEN");

    json(upload(applicant(ORG), path + "/evidence", "a.pdf", BadUploads.pdf(3_000, 8)), 403);
    JsonNode file = json(upload(PM, path + "/evidence", "磁性能检测报告.pdf", BadUploads.pdf(5_000, 9)), 201);
    String fileId = file.get("fileId").asString();
    assertThat(file.get("mediaType").asString()).isEqualTo("application/pdf");

    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(panel.subList(0, 2), List.of(fileId)), 422)))
        .isEqualTo("invalid-panel");
    List<String> conflicted = List.of(panel.get(0), panel.get(1), expert(ORG));
    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(conflicted, List.of(fileId)), 422)))
        .isEqualTo("expert-conflict");
    Map<String, Object> threeOfFour = evaluation(panel, List.of(fileId));
    threeOfFour.put("ratings", ((List<?>) threeOfFour.get("ratings")).subList(0, 3));
    assertThat(type(call(HttpMethod.POST, path, PM, threeOfFour, 422))).isEqualTo("invalid-evaluation");
    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(panel, List.of("no-such-file")), 422)))
        .isEqualTo("unknown-evidence-file");
    call(HttpMethod.POST, path, AUDITOR, evaluation(panel, List.of(fileId)), 403);
    assertThat(kafka.events(projectId, "performance-evaluated.v1")).isEmpty();

    JsonNode recorded = call(HttpMethod.POST, path, PM, evaluation(panel, List.of(fileId)), 201);
    assertThat(recorded.get("met").asLong()).isEqualTo(2);
    assertThat(recorded.get("partlyMet").asLong()).isEqualTo(1);
    assertThat(recorded.get("notMet").asLong()).isEqualTo(1);
    assertThat(recorded.get("ratings").get(0).get("evidenceFiles").get(0).get("fileId").asString()).isEqualTo(fileId);
    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(panel, List.of(fileId)), 409)))
        .isEqualTo("already-evaluated");
    assertThat(type(json(upload(PM, path + "/evidence", "late.pdf", BadUploads.pdf(3_000, 10)), 409)))
        .isEqualTo("already-evaluated");

    JsonNode event = JSON.readTree(kafka.awaitEvents(projectId, "performance-evaluated.v1", 1).get(0).json());
    assertThat(event.get("challengeId").asString()).isEqualTo(challengeId);
    assertThat(event.get("counts").get("met").asLong()).isEqualTo(2);
    assertThat(event.get("ratings").get(0).get("indicator").asString()).isEqualTo(INDICATORS.get(0));
    assertThat(event.get("ratings").get(0).get("evidenceFiles").get(0).get("sha256").asString())
        .isEqualTo(file.get("sha256").asString());
    assertThat(event.get("panelExpertIds")).hasSize(3);

    // the applicant reads its own project's evaluation and downloads its files; other organisations see nothing
    JsonNode own = call(HttpMethod.GET, path, applicant(ORG), null, 200);
    assertThat(own.get("status").asString()).isEqualTo("EVALUATED");
    assertThat(own.get("evaluation").get("ratings").get(3).get("rating").asString()).isEqualTo("NOT_MET");
    call(HttpMethod.GET, path, applicant(TEAM_ORG), null, 404);
    byte[] downloaded = http.get().uri(path + "/evidence/" + fileId).headers(h -> h.setBearerAuth(applicant(ORG)))
        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
    assertThat(downloaded).isEqualTo(BadUploads.pdf(5_000, 9));
    call(HttpMethod.GET, path, AUDITOR, null, 200);

    // a second completed project of the program, not evaluated yet: the summary counts per project and program
    String second = newProject(programId, challengeId);
    complete(second);
    JsonNode summary = call(HttpMethod.GET, "/performance-summary?programId=" + programId, AUDITOR, null, 200);
    assertThat(summary).hasSize(1);
    JsonNode program = summary.get(0);
    assertThat(program.get("programId").asString()).isEqualTo(programId);
    assertThat(program.get("completedProjects").asInt()).isEqualTo(2);
    assertThat(program.get("evaluatedProjects").asInt()).isEqualTo(1);
    assertThat(program.get("met").asLong()).isEqualTo(2);
    assertThat(program.get("partlyMet").asLong()).isEqualTo(1);
    assertThat(program.get("notMet").asLong()).isEqualTo(1);
    assertThat(program.get("projects").findValuesAsString("projectId")).containsExactlyInAnyOrder(projectId, second);
    call(HttpMethod.GET, "/performance-summary", applicant(ORG), null, 403);
    assertThat(call(HttpMethod.GET, "/performance-summary", PM, null, 200).findValuesAsString("programId"))
        .contains(programId);
  }

  @Test
  void aGeneralProjectHasNoTargetIndicatorsToEvaluate() {
    String projectId = ServiceFixture.newId("prj-gen-eval");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, UUID.randomUUID().toString(),
        MilestoneReviewIT.generalAward(projectId, ORG));
    awaitProject(projectId);
    String path = "/projects/" + projectId + "/performance-evaluation";
    JsonNode sheet = call(HttpMethod.GET, path, PM, null, 200);
    assertThat(sheet.get("status").asString()).isEqualTo("NOT_EVALUABLE");
    assertThat(sheet.get("reason").asString()).isEqualTo("not-a-challenge-project");
    List<String> panel = List.of(expert(EXPERT_ORG), expert(EXPERT_ORG), expert(EXPERT_ORG));
    assertThat(type(call(HttpMethod.POST, path, PM, evaluation(panel, List.of()), 409)))
        .isEqualTo("not-a-challenge-project");
  }

  // ------------------------------------------------------------------ helpers

  static String challenge(String programId, String challengeId) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("programId", programId);
    c.put("challengeId", challengeId);
    c.put("postingOrganisationCode", "91120112MNH91HTMX6");
    c.put("postingOrganisationName", "天津海河智能装备有限公司");
    c.put("title", "高性能伺服电机用稀土永磁材料制备关键技术");
    c.put("problem", "现有钕铁硼永磁体在150 °C以上工况下磁性能衰减明显。");
    c.put("targetIndicators", INDICATORS);
    c.put("maxFundingFen", 300_000_000L);
    c.put("deadlineDate", "2028-06-30");
    c.put("publishedAt", "2026-02-25T02:00:00Z");
    return JSON.writeValueAsString(c);
  }

  /** Ratings MET, MET, PARTLY_MET, NOT_MET; the first names the files. */
  static Map<String, Object> evaluation(List<String> panel, List<String> fileIds) {
    List<Map<String, Object>> ratings = new ArrayList<>();
    String[] values = {"MET", "MET", "PARTLY_MET", "NOT_MET"};
    for (int i = 0; i < values.length; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("index", i);
      r.put("rating", values[i]);
      r.put("evidence", "第三方检测报告第 " + (i + 1) + " 项");
      r.put("evidenceFileIds", i == 0 ? fileIds : List.of());
      ratings.add(r);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("panelExpertIds", panel);
    body.put("ratings", ratings);
    body.put("conclusion", "主要磁性能指标达到，重稀土减量未达预期。");
    return body;
  }

  String newProject(String programId, String challengeId) {
    String projectId = ServiceFixture.newId("prj-eval");
    String award = MilestoneReviewIT.challengeAward(projectId, ORG)
        .replace("\"programId\":\"prg-2026-jnch-01\"", "\"programId\":\"" + programId + "\"")
        .replace("\"challengeId\":\"chl-2026-jnch-01-003\"", "\"challengeId\":\"" + challengeId + "\"");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, UUID.randomUUID().toString(), award);
    awaitProject(projectId);
    return projectId;
  }

  void awaitProject(String projectId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/projects/" + projectId)
        .headers(h -> h.setBearerAuth(applicant(ORG))).exchange().returnResult(String.class).getStatus().value() == 200);
  }

  /** Both milestones reported and PASSED by a panel of three: the project is COMPLETED. */
  void complete(String projectId) {
    for (int m = 0; m < 2; m++) {
      String reportId = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 201)
          .get("reportId").asString();
      String reportPath = "/projects/" + projectId + "/reports/" + reportId;
      List<String> experts = List.of(expert(EXPERT_ORG), expert(EXPERT_ORG), expert(EXPERT_ORG));
      call(HttpMethod.POST, reportPath + "/panel", PM, Map.of("expertIds", experts), 200);
      for (String e : experts) {
        call(HttpMethod.POST, reportPath + "/declaration", expertToken(e), Map.of("conflict", false), 200);
        call(HttpMethod.PUT, reportPath + "/evaluation", expertToken(e), scores(90), 200);
      }
    }
    assertThat(call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200).get("status").asString())
        .isEqualTo("COMPLETED");
  }

  String expert(String org) {
    String id = ServiceFixture.newId("exp-eval");
    call(HttpMethod.PUT, "/experts/" + id, PM, Map.of("name", "专家 " + id, "organisationCode", org,
        "nationalId", "11010819841203824X", "declaredConflicts", List.of()), 200);
    return id;
  }

  static String type(JsonNode problem) {
    String type = problem.get("type").asString();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  WebTestClient.ResponseSpec upload(String token, String path, String name, byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(bytes)).filename(name);
    return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(body.build())).exchange();
  }

  JsonNode json(WebTestClient.ResponseSpec response, int status) {
    byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
    WebTestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
    WebTestClient.ResponseSpec response = body == null ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    return json(response, status);
  }
}
