package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.milestone.it.ServiceFixture.Published;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 立项评审 (issue 17 point 1) over HTTP against the real broker and store: intake's proposal-screened opens one review
 * however often it arrives; the program manager forms a panel (at least 3, odd, none in conflict — 回避); experts
 * declare before they see and score, a recused expert is replaced; nobody sees another's scores before the panel is
 * complete; the last score publishes proposal-reviewed (schema-checked) with the highest and lowest dropped with 5
 * experts; the review is then closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class ProposalReviewIT {

  static final String ORG = "91120000225WJEN76U";
  static final String TEAM_ORG = "92120116CDJLBNT814";
  static final String EXPERT_ORG = "12310115AMBRCN372R";
  static final String SCREENED = "fundflow.intake.proposal-screened.v1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PM = TestJwts.token("pm-zhao", "PROGRAM_MANAGER");
  static final String AUDITOR = TestJwts.token("auditor-qian", "AUDITOR");

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;

  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(120)).build();
  }

  static String screened(String proposalId, String programId) {
    return """
        {"proposalId":"%s","programId":"%s","programKind":"GENERAL","organisationCode":"%s",
         "organisationName":"天津某研究院","title":"高效储能材料","abstract":"研究内容摘要","requestedAmountFen":2000000,
         "principalInvestigator":{"personIdHash":"%s","maskedId":"1201**********5929","name":"张三","organisationCode":"%s"},
         "team":[{"personIdHash":"%s","maskedId":"1101**********824X","name":"李四","organisationCode":"%s","role":"技术骨干"}],
         "rubric":[{"name":"创新性","weight":50},{"name":"可行性","weight":35},{"name":"团队","weight":15}],
         "screenedAt":"%s"}""".formatted(proposalId, programId, ORG, "1a".repeat(32), ORG, "2b".repeat(32), TEAM_ORG,
        Instant.now());
  }

  @Test
  void aPanelScoresTheProposalOnTheProgramsRubricAndPublishesTheScoreOnce() {
    String proposal = ServiceFixture.newId("prp-rev");
    String program = ServiceFixture.newId("prg-rev");
    String eventId = UUID.randomUUID().toString();
    kafka.send("intake.proposal-events", proposal, SCREENED, eventId, screened(proposal, program));
    kafka.send("intake.proposal-events", proposal, SCREENED, eventId, screened(proposal, program));
    kafka.send("intake.proposal-events", proposal, SCREENED, UUID.randomUUID().toString(), screened(proposal, program));
    JsonNode review = awaitReview(proposal);
    assertThat(review.get("status").asString()).isEqualTo("AWAITING_PANEL");
    assertThat(review.get("rubric").get(0).get("weight").asInt()).isEqualTo(50);
    List<Document> docs = template.find(new Query(Criteria.where("_id").is(proposal)), Document.class,
        "proposal-reviews").collectList().block();
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).getList("inbox", String.class)).containsExactly(eventId);
    assertThat(call(HttpMethod.GET, "/proposal-reviews?programId=" + program, AUDITOR, null, 200)).hasSize(1);

    // 回避: the applicant's organisation, a team member's organisation, a declared conflict; and the panel's size
    String sameOrg = expert(ORG, List.of());
    String teamOrg = expert(TEAM_ORG, List.of());
    String declared = expert(EXPERT_ORG, List.of(proposal));
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clean.add(expert(EXPERT_ORG, List.of()));
    }
    for (String conflicted : List.of(sameOrg, teamOrg, declared)) {
      assertProblem(call(HttpMethod.POST, panel(proposal), PM, Map.of("expertIds",
          List.of(conflicted, clean.get(0), clean.get(1))), 422), "expert-conflict");
    }
    assertProblem(call(HttpMethod.POST, panel(proposal), PM, Map.of("expertIds", clean.subList(0, 4)), 422),
        "invalid-panel");
    call(HttpMethod.POST, panel(proposal), expertToken(clean.get(0)), Map.of("expertIds", clean.subList(0, 5)), 403);
    JsonNode formed = call(HttpMethod.POST, panel(proposal), PM, Map.of("expertIds", clean.subList(0, 5)), 200);
    assertThat(formed.get("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(formed.get("panelSize").asInt()).isEqualTo(5);
    assertProblem(call(HttpMethod.POST, panel(proposal), PM, Map.of("expertIds", clean.subList(0, 5)), 409),
        "panel-exists");

    // the inbox; declaration before seeing and scoring; others see nothing
    JsonNode inbox = call(HttpMethod.GET, "/review-assignments", expertToken(clean.get(0)), null, 200);
    assertThat(inbox.findValuesAsString("proposalId")).contains(proposal);
    assertProblem(call(HttpMethod.GET, "/proposal-reviews/" + proposal, expertToken(clean.get(0)), null, 403),
        "declaration-required");
    assertProblem(call(HttpMethod.PUT, evaluation(proposal), expertToken(clean.get(0)), score(40, 30, 10), 403),
        "declaration-required");
    call(HttpMethod.GET, "/proposal-reviews/" + proposal, expertToken(clean.get(5)), null, 404);
    call(HttpMethod.GET, "/proposal-reviews/" + proposal, applicant(ORG), null, 403);

    // a recused expert leaves and is replaced
    call(HttpMethod.POST, declaration(proposal), expertToken(clean.get(4)), Map.of("conflict", true, "reason", "曾合作"),
        204);
    call(HttpMethod.GET, "/proposal-reviews/" + proposal, expertToken(clean.get(4)), null, 404);
    JsonNode refilled = call(HttpMethod.POST, panel(proposal) + "/experts", PM, Map.of("expertId", clean.get(5)), 200);
    assertThat(refilled.get("recusedExperts").get(0).get("expertId").asString()).isEqualTo(clean.get(4));
    List<String> seated = List.of(clean.get(0), clean.get(1), clean.get(2), clean.get(3), clean.get(5));

    int[][] scores = {{45, 30, 15}, {40, 30, 10}, {30, 20, 10}, {20, 10, 5}, {35, 25, 10}}; // totals 90 80 60 35 70
    for (int i = 0; i < seated.size(); i++) {
      JsonNode declaredView = call(HttpMethod.POST, declaration(proposal), expertToken(seated.get(i)),
          Map.of("conflict", false), 200);
      assertThat(declaredView.get("title").asString()).isEqualTo("高效储能材料");
    }
    assertProblem(call(HttpMethod.PUT, evaluation(proposal), expertToken(seated.get(0)), score(51, 30, 10), 422),
        "score-out-of-range");
    assertProblem(call(HttpMethod.PUT, evaluation(proposal), expertToken(seated.get(0)), Map.of("criterionScores",
        List.of(40, 30)), 422), "score-out-of-range");
    for (int i = 0; i < 4; i++) {
      call(HttpMethod.PUT, evaluation(proposal), expertToken(seated.get(i)), score(scores[i]), 200);
    }
    // hidden scoring: an expert sees its own score only; staff see who scored, not the scores
    JsonNode asExpert = call(HttpMethod.GET, "/proposal-reviews/" + proposal, expertToken(seated.get(0)), null, 200);
    assertThat(asExpert.has("panel")).isFalse();
    assertThat(asExpert.get("myEvaluation").get("total").asInt()).isEqualTo(90);
    JsonNode asManager = call(HttpMethod.GET, "/proposal-reviews/" + proposal, PM, null, 200);
    assertThat(asManager.get("panel").findValues("evaluation")).isEmpty();
    assertThat(kafka.events(proposal, "proposal-reviewed.v1")).isEmpty();

    JsonNode done = call(HttpMethod.PUT, evaluation(proposal), expertToken(seated.get(4)), score(scores[4]), 200);
    assertThat(done.get("status").asString()).isEqualTo("REVIEWED");
    // totals 90 80 60 35 70: 5 experts, highest 90 and lowest 35 dropped, mean of 60 70 80 = 70.00
    assertThat(done.get("result").get("score").asString()).isEqualTo("70.00");
    assertThat(done.get("panel").findValues("evaluation")).hasSize(5);

    List<Published> reviewed = kafka.awaitEvents(proposal, "proposal-reviewed.v1", 1);
    JsonNode event = JSON.readTree(reviewed.get(0).json());
    assertThat(event.get("score").asString()).isEqualTo("70.00");
    assertThat(event.get("programId").asString()).isEqualTo(program);
    assertThat(event.get("totalsDropped").toString()).isEqualTo("[90,35]");
    assertThat(event.get("explanation").asString()).contains("highest 90 and lowest 35 dropped");
    // issue 16: the formed panel and the expert filling the recused seat were told (refused panels told no one);
    // the decision names the panel that took it
    List<Published> assigned = kafka.awaitEvents(proposal, "experts-assigned.v1", 2);
    assertThat(assigned).hasSize(2);
    JsonNode first = JSON.readTree(assigned.get(0).json());
    assertThat(first.get("review").asString()).isEqualTo("PROPOSAL_REVIEW");
    assertThat(first.get("proposalId").asString()).isEqualTo(proposal);
    assertThat(first.get("expertIds").toString()).isEqualTo(JSON.valueToTree(clean.subList(0, 5)).toString());
    assertThat(JSON.readTree(assigned.get(1).json()).get("expertIds").toString())
        .isEqualTo(JSON.valueToTree(List.of(clean.get(5))).toString());
    assertThat(event.get("expertIds").toString()).isEqualTo(JSON.valueToTree(seated).toString());
    // 回避 on a review panel tells the program manager who left and why (once, however often the outbox relays)
    List<Published> recused = kafka.awaitEvents(proposal, "review-expert-recused.v1", 1);
    assertThat(recused).hasSize(1);
    JsonNode left = JSON.readTree(recused.get(0).json());
    assertThat(left.get("expertId").asString() + " " + left.get("reason").asString())
        .isEqualTo(clean.get(4) + " 曾合作");

    assertProblem(call(HttpMethod.PUT, evaluation(proposal), expertToken(seated.get(0)), score(10, 10, 10), 409),
        "panel-closed");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> kafka.events(proposal, "proposal-reviewed.v1").size() == 1);
  }

  @Test
  void aScreenedProposalWhoseRubricDoesNotWeigh100IsDeadLettered() {
    String proposal = ServiceFixture.newId("prp-bad");
    kafka.send("intake.proposal-events", proposal, SCREENED, UUID.randomUUID().toString(),
        screened(proposal, "prg-x").replace("\"weight\":15", "\"weight\":25"));
    // a later good one on the same key proves the bad one was consumed (and opened nothing)
    String marker = proposal + "-ok";
    kafka.send("intake.proposal-events", proposal, SCREENED, UUID.randomUUID().toString(), screened(marker, "prg-x"));
    awaitReview(marker);
    call(HttpMethod.GET, "/proposal-reviews/" + proposal, PM, null, 404);
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, Object> score(int... criteria) {
    List<Integer> s = new ArrayList<>();
    for (int c : criteria) {
      s.add(c);
    }
    return Map.of("criterionScores", s, "comments", "意见");
  }

  static String panel(String proposal) {
    return "/proposal-reviews/" + proposal + "/panel";
  }

  static String declaration(String proposal) {
    return "/proposal-reviews/" + proposal + "/declaration";
  }

  static String evaluation(String proposal) {
    return "/proposal-reviews/" + proposal + "/evaluation";
  }

  JsonNode awaitReview(String proposal) {
    await().atMost(Duration.ofSeconds(120)).until(() -> http.get().uri("/proposal-reviews/" + proposal)
        .headers(h -> h.setBearerAuth(PM)).exchange().returnResult(String.class).getStatus().value() == 200);
    return call(HttpMethod.GET, "/proposal-reviews/" + proposal, PM, null, 200);
  }

  String expert(String org, List<String> conflicts) {
    String id = ServiceFixture.newId("exp");
    call(HttpMethod.PUT, "/experts/" + id, PM, Map.of("name", "专家 " + id, "organisationCode", org,
        "nationalId", "110108197203044876", "declaredConflicts", conflicts), 200);
    return id;
  }

  static String applicant(String org) {
    return TestJwts.token("applicant-" + org, List.of("APPLICANT"), org);
  }

  static String expertToken(String expertId) {
    return TestJwts.token(expertId, List.of("EXPERT"), EXPERT_ORG);
  }

  static void assertProblem(JsonNode problem, String code) {
    assertThat(problem.get("type").asString()).isEqualTo("https://fundflow.org/problems/" + code);
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
    WebTestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
    WebTestClient.ResponseSpec response = body == null ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }
}
