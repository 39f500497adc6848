package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.milestone.it.ServiceFixture.Published;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service over HTTP, against the real embedded Kafka broker and Mongo-wire store:
 * awards arrive as Kafka events, people act through the API with real JWTs, outcomes leave as
 * Kafka events that are validated against the shared schemas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class MilestoneReviewIT {

  static final String ORG = "12120112EXH9BL324R";
  static final String TEAM_ORG = "12120116800HQW767H";
  static final String EXPERT_ORG = "12310115AMBRCN372R";
  static final String HELD_ORG = "91120112DA1KCGYFXP";
  static final String AWARDED = "fundflow.intake.proposal-awarded.v1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PM = TestJwts.token("pm-zhao", "PROGRAM_MANAGER");

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;

  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        // the OpenAPI document is over the 256 KB default since the proposal-review and evaluation endpoints
        .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
  }

  // ------------------------------------------------------------------ scenarios

  @Test
  void theServiceIsUpWithHealthReadinessAndApiDocsAndDeniesByDefault() {
    http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/projects/{projectId}/reports']").exists();
    http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    http.get().uri("/projects").exchange().expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anApplicantPagesThroughItsOrganisationsProjectsNewestAwardFirst() {
    List<String> mine = new ArrayList<>();
    for (int day = 3; day <= 5; day++) {
      String id = ServiceFixture.newId("prj-page");
      sendAward(generalAward(id, TEAM_ORG).replace("2026-08-03T02:00:00Z", "2026-08-0" + day + "T02:00:00Z"));
      mine.add(id);
    }
    mine.forEach(id -> awaitProject(id, TEAM_ORG));

    List<String> seen = new ArrayList<>();
    List<Instant> awarded = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page = call(HttpMethod.GET, "/projects?limit=2" + (after == null ? "" : "&after=" + after),
          applicant(TEAM_ORG), null, 200);
      assertThat(page.get("items").size()).isBetween(1, 2);
      for (JsonNode p : page.get("items")) {
        assertThat(p.get("organisationCode").asString()).isEqualTo(TEAM_ORG);
        seen.add(p.get("projectId").asString());
        awarded.add(Instant.parse(p.get("awardedAt").asString()));
      }
      after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (after != null && pages < 50);

    assertThat(after).as("the last page has no nextCursor").isNull();
    assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
    assertThat(awarded).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(seen.indexOf(mine.get(2))).as("the newest award first").isLessThan(seen.indexOf(mine.get(1)));
    assertThat(seen.indexOf(mine.get(1))).isLessThan(seen.indexOf(mine.get(0)));
    List<String> others = new ArrayList<>();
    call(HttpMethod.GET, "/projects?limit=100", applicant(ORG), null, 200).get("items")
        .forEach(p -> others.add(p.get("projectId").asString()));
    assertThat(others).as("another organisation sees none of them").doesNotContainAnyElementsOf(mine);
  }

  @Test
  void theSameAwardEventDeliveredTwiceOpensOneProject() {
    String projectId = ServiceFixture.newId("prj-dup");
    String eventId = UUID.randomUUID().toString();
    String award = challengeAward(projectId, ORG);
    kafka.send("intake.proposal-events", projectId, AWARDED, eventId, award);
    kafka.send("intake.proposal-events", projectId, AWARDED, eventId, award);
    // the same award published again under a new event id (a producer retry after a crash) is a no-op too
    kafka.send("intake.proposal-events", projectId, AWARDED, UUID.randomUUID().toString(), award);
    // a later award on the same key proves the duplicates were consumed before it
    String marker = projectId + "-m";
    kafka.send("intake.proposal-events", projectId, AWARDED, UUID.randomUUID().toString(), challengeAward(marker, ORG));
    awaitProject(marker);

    List<Document> docs = template.find(new org.springframework.data.mongodb.core.query.Query(
        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(projectId)), Document.class, "projects")
        .collectList().block();
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).getLong("version")).isEqualTo(1L);
    assertThat(docs.get(0).getList("inbox", String.class)).containsExactly(eventId);

    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200);
    assertThat(project.get("milestones")).hasSize(2);
    assertThat(project.get("nextDueMilestoneId").asString()).isEqualTo(projectId + "-m1");
    assertThat(project.get("status").asString()).isEqualTo("ACTIVE");
    // a GENERAL award: one final-acceptance milestone of 100 %
    String general = ServiceFixture.newId("prj-gen");
    sendAward(generalAward(general, ORG));
    JsonNode g = awaitProject(general);
    assertThat(g.get("milestones")).hasSize(1);
    assertThat(g.get("milestones").get(0).get("tranchePercent").asInt()).isEqualTo(100);
  }

  @Test
  void anAwardThatCannotOpenAProjectGoesToTheDeadLetterTopicWithTheReason() {
    String projectId = ServiceFixture.newId("prj-bad");
    String eventId = UUID.randomUUID().toString();
    // tranches adding up to 130 %
    String bad = challengeAward(projectId, ORG).replace("\"tranchePercent\":70", "\"tranchePercent\":100");
    kafka.send("intake.proposal-events", projectId, AWARDED, eventId, bad);

    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", org.fundflow.platform.test.SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("group.id", "dlq-reader-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    try (var dlq = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(p,
        new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      dlq.subscribe(List.of("milestone-review.dlq"));
      List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        dlq.poll(Duration.ofMillis(200)).forEach(r -> {
          if (projectId.equals(r.key()) && r.headers().lastHeader("x-exception-message") != null) {
            reasons.add(new String(r.headers().lastHeader("x-exception-message").value(),
                java.nio.charset.StandardCharsets.UTF_8));
          }
        });
        return !reasons.isEmpty();
      });
      assertThat(reasons.get(0)).contains("add up to 130");
    }
    call(HttpMethod.GET, "/projects/" + projectId, PM, null, 404);
  }

  @Test
  void applicantsSeeAndReportOnlyForTheirOwnOrganisation() {
    String projectId = newChallengeProject(ORG);
    call(HttpMethod.GET, "/projects/" + projectId, applicant(TEAM_ORG), null, 404);
    call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(TEAM_ORG), reportBody(), 404);
    call(HttpMethod.POST, "/projects/" + projectId + "/reports", PM, reportBody(), 403);
    call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG),
        Map.of("deliverablesMet", List.of(), "evidence", List.of(), "spendingToDateFen", -1), 400);

    String key = "report-" + projectId;
    JsonNode report = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 201, key);
    assertThat(report.get("attempt").asInt()).isEqualTo(1);
    // Idempotency-Key: the same request again answers the same report; the key with another body is refused
    JsonNode replay = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 201, key);
    assertThat(replay.get("reportId").asString()).isEqualTo(report.get("reportId").asString());
    Map<String, Object> other = new LinkedHashMap<>(reportBody());
    other.put("spendingToDateFen", 1L);
    JsonNode reused = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), other, 422, key);
    assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
    assertThat(report.get("milestoneId").asString()).isEqualTo(projectId + "-m1");
    // a second report while the first is under review is an illegal transition
    JsonNode problem = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 409);
    assertThat(problem.get("type").asString()).endsWith("/milestone-not-open");

    Published submitted = kafka.awaitEvents(projectId, "milestone-report-submitted.v1", 1).get(0);
    JsonNode data = JSON.readTree(submitted.json());
    assertThat(data.get("spendingToDateFen").asLong()).isEqualTo(12_345_600L);
    assertThat(kafka.events(projectId, "milestone-report-submitted.v1")).hasSize(1);
    assertThat(data.get("evidence").get(0).get("sha256").asString()).hasSize(64);
  }

  @Test
  void conflictedExpertsAreRefusedAndPanelsAreOddWithAtLeastThree() {
    String projectId = newChallengeProject(ORG);
    String reportId = submitReport(projectId);
    String ok1 = expert(EXPERT_ORG), ok2 = expert(EXPERT_ORG), ok3 = expert(EXPERT_ORG);
    String fromApplicant = expert(ORG);
    String fromTeamOrg = expert(TEAM_ORG);
    String declared = expert(EXPERT_ORG, List.of(ORG));

    for (String bad : List.of(fromApplicant, fromTeamOrg, declared)) {
      JsonNode problem = call(HttpMethod.POST, panelPath(projectId, reportId), PM,
          Map.of("expertIds", List.of(ok1, ok2, bad)), 422);
      assertThat(problem.get("type").asString()).endsWith("/expert-conflict");
      assertThat(problem.get("detail").asString()).contains(bad);
    }
    call(HttpMethod.POST, panelPath(projectId, reportId), PM,
        Map.of("expertIds", List.of(ok1, ok2, ok3, expert(EXPERT_ORG))), 422);
    call(HttpMethod.POST, panelPath(projectId, reportId), expertToken(ok1),
        Map.of("expertIds", List.of(ok1, ok2, ok3)), 403);
    call(HttpMethod.POST, panelPath(projectId, reportId), PM, Map.of("expertIds", List.of(ok1, ok2, ok3)), 200);
    call(HttpMethod.POST, panelPath(projectId, reportId), PM, Map.of("expertIds", List.of(ok1, ok2, ok3)), 409);

    // declaring a conflict removes the expert; the manager must replace it (not with a conflicted one)
    call(HttpMethod.POST, reportPath(projectId, reportId) + "/declaration", expertToken(ok3),
        Map.of("conflict", true, "reason", "co-author of the applicant"), 204);
    call(HttpMethod.GET, reportPath(projectId, reportId), expertToken(ok3), null, 404);
    call(HttpMethod.POST, panelPath(projectId, reportId) + "/experts", PM, Map.of("expertId", fromTeamOrg), 422);
    String replacement = expert(EXPERT_ORG);
    JsonNode report = call(HttpMethod.POST, panelPath(projectId, reportId) + "/experts", PM,
        Map.of("expertId", replacement), 200);
    assertThat(report.get("panel")).hasSize(3);
    JsonNode recusal = report.get("recusedExperts").get(0);
    assertThat(recusal.isObject()).isTrue();
    assertThat(recusal.get("expertId").asString()).isEqualTo(ok3);
    assertThat(recusal.get("reason").asString()).isEqualTo("co-author of the applicant");
    assertThat(recusal.get("declaredAt").asString()).isNotBlank();
  }

  @Test
  void expertsSeeOnlyAssignedReportsAfterDeclaringAndNoOtherScoresBeforeTheDecision() {
    String projectId = newChallengeProject(ORG);
    String reportId = submitReport(projectId);
    List<String> experts = formPanel(projectId, reportId, 3);
    String a = experts.get(0), b = experts.get(1), c = experts.get(2);
    String outsider = expert(EXPERT_ORG);

    call(HttpMethod.GET, reportPath(projectId, reportId), expertToken(outsider), null, 404);
    JsonNode problem = call(HttpMethod.GET, reportPath(projectId, reportId), expertToken(a), null, 403);
    assertThat(problem.get("type").asString()).endsWith("/declaration-required");
    call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(a), scores(80), 403);
    JsonNode assignments = call(HttpMethod.GET, "/assignments", expertToken(a), null, 200).get("items");
    assertThat(assignments).anySatisfy(x -> assertThat(x.get("reportId").asString()).isEqualTo(reportId));

    declareNoConflict(projectId, reportId, a);
    JsonNode afterScoring = call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(a),
        scores(70), 200);
    assertThat(afterScoring.get("myEvaluation").get("total").asInt()).isEqualTo(70);
    // a correction replaces the expert's own score
    call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(a), scores(86), 200);

    declareNoConflict(projectId, reportId, b);
    JsonNode seenByB = call(HttpMethod.GET, reportPath(projectId, reportId), expertToken(b), null, 200);
    assertThat(seenByB.has("myEvaluation")).isFalse();
    assertThat(seenByB.has("panel")).isFalse();
    assertThat(seenByB.toString()).doesNotContain("\"total\"");
    JsonNode seenByManager = call(HttpMethod.GET, reportPath(projectId, reportId), PM, null, 200);
    assertThat(seenByManager.get("panel")).allSatisfy(s -> assertThat(s.has("evaluation")).isFalse());
    JsonNode seenByApplicant = call(HttpMethod.GET, reportPath(projectId, reportId), applicant(ORG), null, 200);
    assertThat(seenByApplicant.has("panel")).isFalse();

    call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(b), scores(84), 200);
    declareNoConflict(projectId, reportId, c);
    JsonNode decided = call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(c),
        scores(82), 200);

    assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("PASSED");
    assertThat(decided.get("decision").get("meanScore").decimalValue()).isEqualByComparingTo("84.00");
    assertThat(decided.get("panel")).hasSize(3).allSatisfy(s -> assertThat(s.get("evaluation")).isNotNull());
    // the panel is closed: no more corrections
    call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(a), scores(20), 409);

    List<Published> evaluations = kafka.awaitEvents(projectId, "expert-evaluation-submitted.v1", 4);
    JsonNode first = JSON.readTree(evaluations.get(0).json());
    assertThat(first.get("expertOrganisationCode").asString()).isEqualTo(EXPERT_ORG);
    assertThat(first.get("applicantOrganisationCode").asString()).isEqualTo(ORG);
    assertThat(first.get("teamOrganisationCodes").toString()).contains(TEAM_ORG).doesNotContain(ORG);
  }

  @Test
  void anExpertPagesThroughItsAssignmentsByCursorAndSeesTheMilestoneByName() {
    String expert = expert(EXPERT_ORG);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String projectId = newChallengeProject(ORG);
      String reportId = submitReport(projectId);
      List<String> panel = new ArrayList<>(List.of(expert, expert(EXPERT_ORG), expert(EXPERT_ORG)));
      call(HttpMethod.POST, panelPath(projectId, reportId), PM, Map.of("expertIds", panel), 200);
      expected.add(projectId + "/" + reportId);
    }
    expected.sort(null); // the list's order: project id, then report id

    List<String> seen = new ArrayList<>();
    JsonNode page = call(HttpMethod.GET, "/assignments?limit=2", expertToken(expert), null, 200);
    assertThat(page.get("items")).hasSize(2);
    page.get("items").forEach(x -> seen.add(x.get("projectId").asString() + "/" + x.get("reportId").asString()));
    String cursor = page.get("nextCursor").asString();
    page = call(HttpMethod.GET, "/assignments?limit=2&after=" + cursor, expertToken(expert), null, 200);
    page.get("items").forEach(x -> seen.add(x.get("projectId").asString() + "/" + x.get("reportId").asString()));
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("nextCursor").isNull()).isTrue();
    assertThat(seen).containsExactlyElementsOf(expected);

    JsonNode first = page.get("items").get(0);
    assertThat(first.get("projectTitle").asString()).isNotBlank();
    assertThat(first.get("milestoneTitle").asString()).isEqualTo("里程碑 1");
    assertThat(first.get("declaredNoConflict").asBoolean()).isFalse();
    assertThat(first.get("recused").asBoolean()).isFalse();
    // a page of exactly the rest ends the list too
    assertThat(call(HttpMethod.GET, "/assignments?limit=3", expertToken(expert), null, 200).get("items")).hasSize(3);
  }

  @Test
  void anExpertWhoDeclaredAConflictIsToldSoOnItsAssignmentAndNoLongerListsIt() {
    String projectId = newChallengeProject(ORG);
    String reportId = submitReport(projectId);
    List<String> panel = formPanel(projectId, reportId, 3);
    String leaving = panel.get(2);
    String assignment = reportPath(projectId, reportId) + "/assignment";
    JsonNode before = call(HttpMethod.GET, assignment, expertToken(leaving), null, 200);
    assertThat(before.get("recused").asBoolean()).isFalse();
    assertThat(before.get("milestoneTitle").asString()).isEqualTo("里程碑 1");

    call(HttpMethod.POST, reportPath(projectId, reportId) + "/declaration", expertToken(leaving),
        Map.of("conflict", true, "reason", "同一课题组"), 204);
    JsonNode after = call(HttpMethod.GET, assignment, expertToken(leaving), null, 200);
    assertThat(after.get("recused").asBoolean()).isTrue();
    assertThat(after.get("recusedAt").asString()).isNotBlank();
    assertThat(call(HttpMethod.GET, "/assignments?limit=100", expertToken(leaving), null, 200).get("items"))
        .noneSatisfy(x -> assertThat(x.get("reportId").asString()).isEqualTo(reportId));
    // an expert who never sat on the report: not found, as the report itself
    call(HttpMethod.GET, assignment, expertToken(expert(EXPERT_ORG)), null, 404);
    call(HttpMethod.GET, assignment, PM, null, 403);
  }

  @Test
  void withFiveExpertsTheHighestAndLowestTotalsAreDropped() {
    String projectId = newChallengeProject(ORG);
    String reportId = submitReport(projectId);

    JsonNode report = review(projectId, reportId, 88, 93, 79, 91, 84);

    JsonNode decision = report.get("decision");
    assertThat(decision.get("outcome").asString()).isEqualTo("PASSED");
    assertThat(decision.get("meanScore").decimalValue()).isEqualByComparingTo("87.67");
    assertThat(decision.get("totalsDropped").toString()).isEqualTo("[93,79]");
    assertThat(decision.get("totalsUsed").toString()).isEqualTo("[84,88,91]");
    assertThat(decision.get("rule").asString()).contains("highest 93 and lowest 79 dropped");

    JsonNode completed = JSON.readTree(kafka.awaitEvents(projectId, "milestone-review-completed.v1", 1).get(0).json());
    assertThat(completed.get("meanScore").asString()).isEqualTo("87.67");
    assertThat(completed.get("totalsDropped").toString()).isEqualTo("[93,79]");
    // issue 16: the five experts were told of their assignment, and each hears the decision (ids, never scores)
    JsonNode assigned = JSON.readTree(kafka.awaitEvents(projectId, "experts-assigned.v1", 1).get(0).json());
    assertThat(assigned.get("review").asString()).isEqualTo("MILESTONE_REVIEW");
    assertThat(assigned.get("reportId").asString()).isEqualTo(reportId);
    assertThat(assigned.get("expertIds")).hasSize(5);
    assertThat(completed.get("expertIds").toString()).isEqualTo(assigned.get("expertIds").toString());
    JsonNode accepted = JSON.readTree(kafka.awaitEvents(projectId, "milestone-accepted.v1", 1).get(0).json());
    assertThat(accepted.get("tranchePercent").asInt()).isEqualTo(30);
    assertThat(accepted.get("awardedAmountFen").asLong()).isEqualTo(280_000_000L);
    assertThat(accepted.get("lastMilestone").asBoolean()).isFalse();
    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200);
    assertThat(project.get("milestones").get(0).get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(project.get("nextDueMilestoneId").asString()).isEqualTo(projectId + "-m2");
  }

  @Test
  void aConditionalReviewIsRectifiedAndThenPassesAndTheLastAcceptanceCompletesTheProject() {
    String projectId = ServiceFixture.newId("prj-gen");
    sendAward(generalAward(projectId, ORG));
    awaitProject(projectId);
    String first = submitReport(projectId);

    JsonNode conditional = review(projectId, first, 70, 65, 72);

    assertThat(conditional.get("decision").get("outcome").asString()).isEqualTo("CONDITIONAL");
    Instant rectifyBy = Instant.parse(conditional.get("decision").get("rectifyBy").asString());
    assertThat(rectifyBy).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200);
    assertThat(project.get("milestones").get(0).get("status").asString()).isEqualTo("RECTIFYING");

    String second = submitReport(projectId);
    JsonNode passed = review(projectId, second, 85, 88, 90);

    assertThat(passed.get("attempt").asInt()).isEqualTo(2);
    assertThat(passed.get("decision").get("outcome").asString()).isEqualTo("PASSED");
    kafka.awaitEvents(projectId, "milestone-review-completed.v1", 2);
    JsonNode accepted = JSON.readTree(kafka.awaitEvents(projectId, "milestone-accepted.v1", 1).get(0).json());
    assertThat(accepted.get("lastMilestone").asBoolean()).isTrue();
    assertThat(accepted.get("tranchePercent").asInt()).isEqualTo(100);
    kafka.awaitEvents(projectId, "project-completed.v1", 1);
    assertThat(call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200).get("status").asString())
        .isEqualTo("COMPLETED");
    assertThat(kafka.events(projectId).stream().map(e -> e.type().split("\\.")[2]).distinct().toList())
        .containsExactly("milestone-report-submitted", "experts-assigned", "expert-evaluation-submitted",
            "milestone-review-completed", "milestone-accepted", "project-completed");
  }

  @Test
  void twoFailedReviewsOfOneMilestoneTerminateTheProject() {
    String projectId = newChallengeProject(ORG);

    JsonNode firstFail = review(projectId, submitReport(projectId), 50, 40, 55);
    assertThat(firstFail.get("decision").get("outcome").asString()).isEqualTo("FAILED");
    assertThat(call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200).get("status").asString())
        .isEqualTo("ACTIVE");

    JsonNode secondFail = review(projectId, submitReport(projectId), 45, 58, 30);
    assertThat(secondFail.get("decision").get("outcome").asString()).isEqualTo("FAILED");

    JsonNode terminated = JSON.readTree(kafka.awaitEvents(projectId, "project-terminated.v1", 1).get(0).json());
    assertThat(terminated.get("reason").asString()).contains("twice");
    assertThat(terminated.get("organisationCode").asString()).isEqualTo(ORG);
    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant(ORG), null, 200);
    assertThat(project.get("status").asString()).isEqualTo("TERMINATED");
    JsonNode problem = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 409);
    assertThat(problem.get("type").asString()).endsWith("/project-closed");
    assertThat(kafka.events(projectId, "milestone-accepted.v1")).isEmpty();
  }

  /** Issue 16 point 4: GET /statistics/projects counts the projects per status in the store. */
  @Test
  void theStatisticsCountProjectsPerStatus() {
    String auditor = TestJwts.token("ann-auditor", "AUDITOR");
    JsonNode before = call(HttpMethod.GET, "/statistics/projects", auditor, null, 200);
    String projectId = newChallengeProject(ORG);
    JsonNode opened = call(HttpMethod.GET, "/statistics/projects", PM, null, 200);
    assertThat(opened.get("active").asLong()).isEqualTo(before.get("active").asLong() + 1);
    review(projectId, submitReport(projectId), 50, 40, 55);
    review(projectId, submitReport(projectId), 45, 58, 30);
    JsonNode after = call(HttpMethod.GET, "/statistics/projects", auditor, null, 200);
    assertThat(after.get("terminated").asLong()).isEqualTo(before.get("terminated").asLong() + 1);
    assertThat(after.get("active").asLong()).isEqualTo(before.get("active").asLong());
    assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() + 1);
    List<String> statuses = new java.util.ArrayList<>();
    after.get("byStatus").forEach(n -> statuses.add(n.get("status").asString()));
    assertThat(statuses).containsExactly("ACTIVE", "SUSPENDED", "COMPLETED", "TERMINATED");
    call(HttpMethod.GET, "/statistics/projects", applicant(ORG), null, 403);
  }

  /** 尽职免责 (issue 17 point 3): the program manager assesses each failed review and the termination, once each. */
  @Test
  void theProgramManagerRecordsTheTeamsDiligenceOnAFailedReviewAndOnTheTermination() {
    String projectId = newChallengeProject(ORG);
    String path = "/projects/" + projectId + "/diligence-assessments";
    Map<String, Object> diligent = Map.of("diligent", true, "misconduct", false,
        "explanation", "团队按计划履职，失败源于材料性能的技术风险", "evidenceRefs", List.of("fil-检查记录-1"));
    // nothing failed yet: nothing to assess
    assertThat(call(HttpMethod.POST, path, PM, diligent, 409).get("type").asString()).endsWith("/not-a-failure");

    String first = submitReport(projectId);
    review(projectId, first, 50, 40, 55);
    Map<String, Object> ofFirst = new LinkedHashMap<>(diligent);
    ofFirst.put("reportId", first);
    call(HttpMethod.POST, path, applicant(ORG), ofFirst, 403);
    JsonNode a1 = call(HttpMethod.POST, path, PM, ofFirst, 201);
    assertThat(a1.get("terminating").asBoolean()).isFalse();
    assertThat(a1.get("exempts").asBoolean()).isTrue();
    assertThat(a1.get("milestoneId").asString()).isEqualTo(projectId + "-m1");
    assertThat(call(HttpMethod.POST, path, PM, ofFirst, 409).get("type").asString()).endsWith("/already-assessed");

    String second = submitReport(projectId);
    review(projectId, second, 45, 58, 30);
    kafka.awaitEvents(projectId, "project-terminated.v1", 1);
    Map<String, Object> notDiligent = Map.of("diligent", false, "misconduct", true,
        "explanation", "检测数据与原始记录不符", "evidenceRefs", List.of());
    JsonNode a2 = call(HttpMethod.POST, path, PM, notDiligent, 201);
    assertThat(a2.get("terminating").asBoolean()).isTrue();
    assertThat(a2.get("reportId").asString()).isEqualTo(second);
    assertThat(a2.get("exempts").asBoolean()).isFalse();
    // the termination is assessed once, whether the report is named or not
    Map<String, Object> again = new LinkedHashMap<>(diligent);
    again.put("reportId", second);
    call(HttpMethod.POST, path, PM, again, 409);

    List<JsonNode> events = kafka.awaitEvents(projectId, "diligence-assessed.v1", 2).stream()
        .map(e -> JSON.readTree(e.json())).toList();
    assertThat(events).extracting(e -> e.get("terminating").asBoolean()).containsExactly(false, true);
    assertThat(events.get(1).get("misconduct").asBoolean()).isTrue();
    assertThat(events.get(1).get("organisationCode").asString()).isEqualTo(ORG);
    assertThat(events.get(0).get("evidenceRefs").get(0).asString()).isEqualTo("fil-检查记录-1");
    // the applicant reads its project's assessments; another organisation sees nothing
    assertThat(call(HttpMethod.GET, path, applicant(ORG), null, 200)).hasSize(2);
    call(HttpMethod.GET, path, applicant(TEAM_ORG), null, 404);
  }

  @Test
  void aHoldOnTheOrganisationDelaysAcceptanceUntilItIsLifted() {
    String projectId = ServiceFixture.newId("prj-held");
    sendAward(generalAward(projectId, HELD_ORG));
    awaitProject(projectId, HELD_ORG);
    String holdId = ServiceFixture.newId("hld");
    kafka.send("integrity.events", HELD_ORG, "fundflow.integrity.hold-placed.v1", UUID.randomUUID().toString(),
        hold(holdId, "ORGANISATION", HELD_ORG, false));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200).get("onHold").asBoolean());

    JsonNode report = review(projectId, submitReport(projectId, HELD_ORG), 90, 85, 88);

    assertThat(report.get("decision").get("outcome").asString()).isEqualTo("PASSED");
    kafka.awaitEvents(projectId, "milestone-review-completed.v1", 1);
    JsonNode held = call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200);
    assertThat(held.get("milestones").get(0).get("status").asString()).isEqualTo("ACCEPTANCE_ON_HOLD");
    assertThat(held.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(kafka.events(projectId, "milestone-accepted.v1")).isEmpty();

    // a hold on a person does not touch the project; lifting the organisation's hold accepts the milestone
    kafka.send("integrity.events", "a".repeat(64), "fundflow.integrity.hold-placed.v1", UUID.randomUUID().toString(),
        hold(ServiceFixture.newId("hld"), "PERSON", "a".repeat(64), false));
    kafka.send("integrity.events", HELD_ORG, "fundflow.integrity.hold-lifted.v1", UUID.randomUUID().toString(),
        hold(holdId, "ORGANISATION", HELD_ORG, true));

    JsonNode accepted = JSON.readTree(kafka.awaitEvents(projectId, "milestone-accepted.v1", 1).get(0).json());
    assertThat(accepted.get("lastMilestone").asBoolean()).isTrue();
    kafka.awaitEvents(projectId, "project-completed.v1", 1);
    JsonNode after = call(HttpMethod.GET, "/projects/" + projectId, PM, null, 200);
    assertThat(after.get("onHold").asBoolean()).isFalse();
    assertThat(after.get("milestones").get(0).get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
  }

  @AfterAll
  static void everyEventPublishedByTheServiceValidatesAgainstItsSchema() {
    List<Published> published = ServiceFixture.get().allPublished();
    assertThat(published).isNotEmpty();
    assertThat(published).allSatisfy(e -> assertThat(e.schemaErrors()).as(e.type() + " " + e.json()).isEmpty());
    System.out.println("[milestone-review] " + published.size() + " published events validated against their schemas");
  }

  // ------------------------------------------------------------------ helpers

  static String applicant(String org) {
    return TestJwts.token("applicant-" + org, List.of("APPLICANT"), org);
  }

  static String expertToken(String expertId) {
    return TestJwts.token(expertId, List.of("EXPERT"), EXPERT_ORG);
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
    return call(method, path, token, body, status, null);
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status, String idempotencyKey) {
    WebTestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> {
      h.setBearerAuth(token);
      if (idempotencyKey != null) {
        h.set("Idempotency-Key", idempotencyKey);
      }
    });
    WebTestClient.ResponseSpec response = body == null ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  void sendAward(String json) {
    String projectId = JSON.readTree(json).get("projectId").asString();
    kafka.send("intake.proposal-events", projectId, AWARDED, UUID.randomUUID().toString(), json);
  }

  String newChallengeProject(String org) {
    String projectId = ServiceFixture.newId("prj");
    sendAward(challengeAward(projectId, org));
    awaitProject(projectId, org);
    return projectId;
  }

  JsonNode awaitProject(String projectId) {
    return awaitProject(projectId, ORG);
  }

  JsonNode awaitProject(String projectId, String org) {
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/projects/" + projectId)
        .headers(h -> h.setBearerAuth(applicant(org))).exchange().returnResult(String.class).getStatus().value() == 200);
    return call(HttpMethod.GET, "/projects/" + projectId, applicant(org), null, 200);
  }

  String submitReport(String projectId) {
    return submitReport(projectId, ORG);
  }

  String submitReport(String projectId, String org) {
    return call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant(org), reportBody(), 201)
        .get("reportId").asString();
  }

  static Map<String, Object> reportBody() {
    return Map.of("deliverablesMet", List.of("小批量制备工艺规程", "磁性能第三方检测报告"),
        "evidence", List.of(Map.of("name", "检测报告.pdf", "sha256", "9f".repeat(32))),
        "spendingToDateFen", 12_345_600L);
  }

  String expert(String org) {
    return expert(org, List.of());
  }

  String expert(String org, List<String> conflicts) {
    String id = ServiceFixture.newId("exp");
    call(HttpMethod.PUT, "/experts/" + id, PM, Map.of("name", "专家 " + id, "organisationCode", org,
        "nationalId", "11010819841203824X", "declaredConflicts", conflicts), 200);
    return id;
  }

  List<String> formPanel(String projectId, String reportId, int size) {
    List<String> experts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      experts.add(expert(EXPERT_ORG));
    }
    call(HttpMethod.POST, panelPath(projectId, reportId), PM, Map.of("expertIds", experts), 200);
    return experts;
  }

  void declareNoConflict(String projectId, String reportId, String expertId) {
    call(HttpMethod.POST, reportPath(projectId, reportId) + "/declaration", expertToken(expertId),
        Map.of("conflict", false), 200);
  }

  /** A panel of totals.length experts, each declares no conflict and scores its total; returns the last answer. */
  JsonNode review(String projectId, String reportId, int... totals) {
    List<String> experts = formPanel(projectId, reportId, totals.length);
    JsonNode last = null;
    for (int i = 0; i < totals.length; i++) {
      declareNoConflict(projectId, reportId, experts.get(i));
      last = call(HttpMethod.PUT, reportPath(projectId, reportId) + "/evaluation", expertToken(experts.get(i)),
          scores(totals[i]), 200);
    }
    return last;
  }

  static Map<String, Object> scores(int total) {
    int d = Math.min(40, total);
    int t = Math.min(30, total - d);
    int b = Math.min(20, total - d - t);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliverables", d);
    body.put("technicalQuality", t);
    body.put("budgetExecution", b);
    body.put("management", total - d - t - b);
    body.put("recommendation", total >= 80 ? "PASSED" : total >= 60 ? "CONDITIONAL" : "FAILED");
    body.put("comments", "评审意见");
    return body;
  }

  static String reportPath(String projectId, String reportId) {
    return "/projects/" + projectId + "/reports/" + reportId;
  }

  static String panelPath(String projectId, String reportId) {
    return reportPath(projectId, reportId) + "/panel";
  }

  static String challengeAward(String projectId, String org) {
    Map<String, Object> award = new LinkedHashMap<>();
    award.put("proposalId", "prp-" + projectId);
    award.put("projectId", projectId);
    award.put("programId", "prg-2026-jnch-01");
    award.put("programKind", "CHALLENGE");
    award.put("challengeId", "chl-2026-jnch-01-003");
    award.put("organisationCode", org);
    award.put("organisationName", "天津津南先进材料研究院");
    award.put("title", "晶界扩散制备技术研究");
    award.put("awardedAmountFen", 280_000_000L);
    award.put("milestones", List.of(
        milestone(projectId + "-m1", 1, "2027-01-31", 30),
        milestone(projectId + "-m2", 2, "2027-09-30", 70)));
    award.put("principalInvestigator", Map.of("personIdHash", "2c".repeat(32), "maskedId", "1201**********5929",
        "name", "王海燕", "organisationCode", org));
    award.put("team", List.of(Map.of("personIdHash", "0d".repeat(32), "maskedId", "1101**********824X",
        "name", "刘静", "organisationCode", TEAM_ORG, "role", "合作单位负责人")));
    award.put("awardedAt", "2026-07-10T02:00:00Z");
    award.put("awardedBy", "pm-zhao");
    return JSON.writeValueAsString(award);
  }

  static String generalAward(String projectId, String org) {
    Map<String, Object> award = new LinkedHashMap<>();
    award.put("proposalId", "prp-" + projectId);
    award.put("projectId", projectId);
    award.put("programId", "prg-2026-jngen-01");
    award.put("programKind", "GENERAL");
    award.put("organisationCode", org);
    award.put("organisationName", "天津津南新材料科技有限公司");
    award.put("title", "可降解医用镁合金表面涂层技术开发");
    award.put("awardedAmountFen", 45_000_000L);
    award.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    award.put("milestones", List.of(milestone(projectId + "-final", 1, "2027-12-31", 100)));
    award.put("principalInvestigator", Map.of("personIdHash", "6b".repeat(32), "maskedId", "1201**********6525",
        "name", "赵丽华", "organisationCode", org));
    award.put("team", List.of());
    award.put("awardedAt", "2026-08-03T02:00:00Z");
    award.put("awardedBy", "pm-zhao");
    return JSON.writeValueAsString(award);
  }

  static Map<String, Object> milestone(String id, int sequence, String due, int percent) {
    return Map.of("milestoneId", id, "sequence", sequence, "title", "里程碑 " + sequence,
        "deliverables", List.of("交付物 " + sequence), "dueDate", due, "tranchePercent", percent);
  }

  static String hold(String holdId, String type, String subjectId, boolean lifted) {
    Map<String, Object> hold = new LinkedHashMap<>();
    hold.put("holdId", holdId);
    hold.put("subject", Map.of("type", type, "id", subjectId));
    if (lifted) {
      hold.put("reason", "CASE_DISMISSED");
      hold.put("liftedAt", Instant.now().toString());
    } else {
      hold.put("reason", "严重失信主体名单命中");
      hold.put("flagId", "flg-1");
      hold.put("startsAt", Instant.now().toString());
      hold.put("endsAt", "2029-12-31T16:00:00Z");
      hold.put("placedBy", "rule:dishonesty-list@1");
      hold.put("placedAt", Instant.now().toString());
    }
    return JSON.writeValueAsString(hold);
  }
}
