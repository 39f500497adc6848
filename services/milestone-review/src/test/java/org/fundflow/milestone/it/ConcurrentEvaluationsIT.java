package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.milestone.it.MilestoneReviewIT.EXPERT_ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.ORG;
import static org.fundflow.milestone.it.MilestoneReviewIT.PM;
import static org.fundflow.milestone.it.MilestoneReviewIT.applicant;
import static org.fundflow.milestone.it.MilestoneReviewIT.challengeAward;
import static org.fundflow.milestone.it.MilestoneReviewIT.expertToken;
import static org.fundflow.milestone.it.MilestoneReviewIT.reportBody;
import static org.fundflow.milestone.it.MilestoneReviewIT.reportPath;
import static org.fundflow.milestone.it.MilestoneReviewIT.scores;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: experts of one panel scoring at the same moment, and an expert's request sent twice at once (a client
 * retrying while its first attempt is still running), on the real embedded broker and store. Never a 5xx; every
 * expert's score is recorded (a lost race on the project's version is decided again) and answered 200, the same score
 * twice is recorded and published once, the panel decides once and the decision leaves once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class ConcurrentEvaluationsIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int PROJECTS = 4;
  static final int[] TOTALS = {88, 84, 82};

  @LocalServerPort int port;

  final ServiceFixture kafka = ServiceFixture.get();

  record Panel(String projectId, String reportId, List<String> experts) {}

  record Answer(Panel panel, String expertId, boolean duplicate, int status, String contentType, String body) {
    String type() {
      return body == null || body.isBlank() ? "" : JSON.readTree(body).path("type").asString("");
    }
  }

  @Test
  void allExpertsOfAPanelScoringAtOnce_andOneOfThemTwice_areEachRecordedOnce_andThePanelDecidesOnce() {
    WebClient http = WebClient.builder().baseUrl("http://localhost:" + port).build();
    List<Panel> panels = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      panels.add(panelReadyToScore(http));
    }

    // every expert of every panel at once, the first expert of each panel twice
    List<Mono<Answer>> requests = new ArrayList<>();
    for (Panel p : panels) {
      for (int i = 0; i < TOTALS.length; i++) {
        requests.add(evaluate(http, p, p.experts().get(i), TOTALS[i], false));
      }
      requests.add(evaluate(http, p, p.experts().get(0), TOTALS[0], true));
    }
    List<Answer> answers = Flux.merge(requests).collectList().block(Duration.ofMinutes(2));

    assertThat(answers).hasSize(PROJECTS * (TOTALS.length + 1));
    assertThat(answers).as("no 5xx").allSatisfy(a -> assertThat(a.status()).as(a.toString()).isLessThan(500));
    // an expert whose score collided with another expert's has it recorded; the same request twice at once (which of
    // the two copies is the retry cannot be told) is recorded once and answered alike: the score is there
    assertThat(answers).as("every score recorded").allSatisfy(a -> {
      assertThat(a.status()).as(a.toString()).isEqualTo(200);
      assertThat(JSON.readTree(a.body()).get("myEvaluation").get("total").asInt()).as(a.toString())
          .isEqualTo(TOTALS[a.panel().experts().indexOf(a.expertId())]);
    });

    for (Panel p : panels) {
      JsonNode report = get(http, reportPath(p.projectId(), p.reportId()), PM);
      assertThat(report.get("status").asString()).isEqualTo("DECIDED");
      assertThat(report.get("decision").get("outcome").asString()).isEqualTo("PASSED");
      assertThat(report.get("decision").get("meanScore").decimalValue()).isEqualByComparingTo("84.67");
      assertThat(report.get("panel")).hasSize(3);
      for (int i = 0; i < TOTALS.length; i++) {
        String expertId = p.experts().get(i);
        JsonNode seat = null;
        for (JsonNode s : report.get("panel")) {
          if (s.get("expertId").asString().equals(expertId)) {
            seat = s;
          }
        }
        assertThat(seat).as("seat of " + expertId).isNotNull();
        assertThat(seat.get("evaluation").get("total").asInt()).isEqualTo(TOTALS[i]);
      }

      kafka.awaitEvents(p.projectId(), "milestone-accepted.v1", 1);
      assertThat(kafka.events(p.projectId(), "milestone-review-completed.v1")).as("the decision leaves once").hasSize(1);
      assertThat(kafka.events(p.projectId(), "milestone-accepted.v1")).hasSize(1);
      List<String> evaluated = kafka.events(p.projectId(), "expert-evaluation-submitted.v1").stream()
          .map(e -> JSON.readTree(e.json()).get("expertId").asString()).toList();
      assertThat(evaluated).as("each expert's score published once").containsExactlyInAnyOrderElementsOf(p.experts());
    }
  }

  private Panel panelReadyToScore(WebClient http) {
    String projectId = ServiceFixture.newId("prj-conc");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, UUID.randomUUID().toString(),
        challengeAward(projectId, ORG));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(http, "GET", "/projects/" + projectId, applicant(ORG), null) == 200);
    String reportId = send(http, "POST", "/projects/" + projectId + "/reports", applicant(ORG), reportBody(), 201)
        .get("reportId").asString();
    List<String> experts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = ServiceFixture.newId("exp-conc");
      send(http, "PUT", "/experts/" + id, PM, Map.of("name", "专家 " + id, "organisationCode", EXPERT_ORG,
          "nationalId", "11010819841203824X", "declaredConflicts", List.of()), 200);
      experts.add(id);
    }
    send(http, "POST", reportPath(projectId, reportId) + "/panel", PM, Map.of("expertIds", experts), 200);
    for (String expert : experts) {
      send(http, "POST", reportPath(projectId, reportId) + "/declaration", expertToken(expert),
          Map.of("conflict", false), 200);
    }
    return new Panel(projectId, reportId, experts);
  }

  private static Mono<Answer> evaluate(WebClient http, Panel p, String expertId, int total, boolean duplicate) {
    return http.put().uri(reportPath(p.projectId(), p.reportId()) + "/evaluation")
        .headers(h -> h.setBearerAuth(expertToken(expertId)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(scores(total))
        .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
            .map(body -> new Answer(p, expertId, duplicate, r.statusCode().value(),
                r.headers().contentType().map(MediaType::toString).orElse(""), body)));
  }

  private static JsonNode get(WebClient http, String path, String token) {
    return send(http, "GET", path, token, null, 200);
  }

  private static int status(WebClient http, String method, String path, String token, Object body) {
    return exchange(http, method, path, token, body).status();
  }

  private static JsonNode send(WebClient http, String method, String path, String token, Object body, int expected) {
    Answer a = exchange(http, method, path, token, body);
    assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(expected);
    return a.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(a.body());
  }

  private static Answer exchange(WebClient http, String method, String path, String token, Object body) {
    WebClient.RequestBodySpec spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    WebClient.RequestHeadersSpec<?> request = body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    return request.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
            .map(b -> new Answer(null, null, false, r.statusCode().value(),
                r.headers().contentType().map(MediaType::toString).orElse(""), b)))
        .block(Duration.ofSeconds(30));
  }
}
