package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ProgramApiIT extends IntakeIT {

  @Test
  void givenManager_whenProgramCreatedEditedOpenedClosed_thenLifecycleHoldsAndEventsArePublished() {
    Instant now = Instant.now();
    Map<String, Object> body = programBody("GENERAL", 100_000_000, 10_000_000, now.minusSeconds(3600), now.plusSeconds(86_400));
    Map<String, Object> created = json(post(manager(), "/programs", body), HttpStatus.CREATED);
    String id = (String) created.get("id");
    assertThat(created.get("status")).isEqualTo("DRAFT");
    get(applicant(ORGS.get(0)), "/programs/" + id).expectStatus().isNotFound();
    assertThat(get(applicant(ORGS.get(0)), "/programs?limit=100").expectBody(String.class).returnResult()
        .getResponseBody()).doesNotContain(id);

    body.put("budgetFen", 200_000_000);
    // an edit names the version it was made on (If-Match): without it 428, on an older one 412, nothing changed
    assertProblem(json(put(manager(), "/programs/" + id, body), HttpStatus.PRECONDITION_REQUIRED), "if-match-required");
    String etag = get(manager(), "/programs/" + id).expectStatus().isOk().returnResult(String.class).getResponseHeaders()
        .getETag();
    assertThat(etag).isEqualTo("\"1\"");
    assertThat(put(manager(), "/programs/" + id, body, etag).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
        .expectBody(Map.class).returnResult().getResponseBody().get("budgetFen")).isEqualTo(200_000_000);
    body.put("budgetFen", 300_000_000);
    assertProblem(json(put(manager(), "/programs/" + id, body, etag), HttpStatus.PRECONDITION_FAILED), "version-mismatch");
    assertThat(json(get(manager(), "/programs/" + id), HttpStatus.OK).get("budgetFen")).isEqualTo(200_000_000);

    Map<String, Object> opened = json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.OK);
    assertThat(opened.get("status")).isEqualTo("OPEN");
    get(applicant(ORGS.get(0)), "/programs/" + id).expectStatus().isOk();
    assertThat(opened.get("revision")).isEqualTo(1);

    assertProblem(json(put(manager(), "/programs/" + id, body, "*"), HttpStatus.CONFLICT), "illegal-transition");
    assertProblem(json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.CONFLICT), "illegal-transition");

    // an applicant looks for the open calls of one kind: the list holds them, whatever came before
    assertThat(ids(get(applicant(ORGS.get(0)), "/programs?status=OPEN&kind=GENERAL&limit=100"))).contains(id);
    assertThat(ids(get(applicant(ORGS.get(0)), "/programs?status=OPEN&kind=VOUCHER&limit=100"))).doesNotContain(id);
    assertThat(ids(get(applicant(ORGS.get(0)), "/programs?status=CLOSED&limit=100"))).doesNotContain(id);
    assertThat(ids(get(applicant(ORGS.get(0)), "/programs?status=DRAFT&limit=100"))).isEmpty();
    assertProblem(json(get(applicant(ORGS.get(0)), "/programs?status=PUBLISHED"), HttpStatus.BAD_REQUEST), "validation");

    Map<String, Object> closed = json(post(manager(), "/programs/" + id + "/close", null), HttpStatus.OK);
    assertThat(closed.get("status")).isEqualTo("CLOSED");
    assertThat(closed.get("revision")).isEqualTo(2);

    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> events = consumer("intake.program-events")) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        events.poll(Duration.ofMillis(200)).forEach(r -> {
          if (id.equals(r.key())) {
            seen.add(r);
          }
        });
        assertThat(seen).extracting(r -> header(r, "ce_type"))
            .containsExactly("fundflow.intake.program-published.v1", "fundflow.intake.program-changed.v1");
      });
    }
    String published = new String(seen.get(0).value());
    assertThat(published).contains("\"budgetFen\":200000000", "\"advancePercent\":60", "\"timeZone\":\"Asia/Shanghai\"");
  }

  @Test
  void givenSplitNotAddingTo100_whenCreated_then422() {
    Map<String, Object> body = programBody("GENERAL", 1000, 100, Instant.now(), Instant.now().plusSeconds(60));
    body.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 30));
    assertProblem(json(post(manager(), "/programs", body), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-funding-split");
  }

  @Test
  void givenCapOverBudget_whenCreated_then422() {
    Map<String, Object> body = programBody("CHALLENGE", 1000, 2000, Instant.now(), Instant.now().plusSeconds(60));
    assertProblem(json(post(manager(), "/programs", body), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-program");
  }

  @Test
  void givenPostSubsidyProgram_whenCreated_thenRuleIsKeptAndProposalsAreRefused() {
    String id = openProgram("POST_SUBSIDY", 1_000_000_000, 100_000_000);
    Map<String, Object> program = json(get(auditor(), "/programs/" + id), HttpStatus.OK);
    assertThat(program.get("postSubsidyRule").toString()).contains("INCREASE", "rateBasisPoints=3000");
    String org = ORGS.get(19);
    assertProblem(json(post(applicant(org), "/proposals", proposalBody(id, org, 1000, PEOPLE.get(0))),
        HttpStatus.UNPROCESSABLE_CONTENT), "no-proposals-in-post-subsidy");
  }

  @Test
  @SuppressWarnings("unchecked")
  void givenPostSubsidyRuleWithoutCap_whenCreated_thenItHasNoCapAndACapOfZeroIsRefused() {
    Map<String, Object> body = programBody("POST_SUBSIDY", 1_000_000_000, 100_000_000, Instant.now(),
        Instant.now().plusSeconds(3_600));
    body.put("postSubsidyRule", Map.of("base", "INCREASE",
        "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)), "minimumIncreaseFen", 0));
    Map<String, Object> created = json(post(manager(), "/programs", body), HttpStatus.CREATED);
    Map<String, Object> rule = (Map<String, Object>) created.get("postSubsidyRule");
    assertThat(rule.get("capPerOrganisationPerYearFen")).as("no cap: absent or null, never 0").isNull();
    assertThat(created.get("awardedFen")).isEqualTo(0);
    assertThat(created.get("remainingToAwardFen")).isEqualTo(1_000_000_000);

    Map<String, Object> zero = new java.util.LinkedHashMap<>(body);
    zero.put("postSubsidyRule", Map.of("base", "INCREASE",
        "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)), "capPerOrganisationPerYearFen", 0,
        "minimumIncreaseFen", 0));
    assertProblem(json(post(manager(), "/programs", zero), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-subsidy-rule");
  }

  @Test
  void givenShanghaiLocalTimes_whenCreated_thenWindowIsStoredAsInstants() {
    Map<String, Object> body = programBody("CHALLENGE", 1000, 100, Instant.now(), Instant.now());
    body.put("callWindow", Map.of("opensAt", "2026-12-01T09:00", "closesAt", "2026-12-31T17:00"));
    @SuppressWarnings("unchecked")
    Map<String, Object> window = (Map<String, Object>) json(post(manager(), "/programs", body), HttpStatus.CREATED)
        .get("callWindow");
    assertThat(window).containsEntry("opensAt", "2026-12-01T01:00:00Z").containsEntry("closesAt", "2026-12-31T09:00:00Z")
        .containsEntry("timeZone", "Asia/Shanghai");
  }

  @Test
  void givenChallengeProgram_whenChallengePosted_thenItIsListedAndPublished() {
    String programId = openProgram("CHALLENGE", 100_000_000, 50_000_000);
    Map<String, Object> challenge = Map.of("postingOrganisationCode", ORGS.get(18), "postingOrganisationName", "天津某企业",
        "title", "高效催化剂", "problem", "降低能耗", "targetIndicators", List.of("能耗降低30%"), "maxFundingFen", 20_000_000,
        "deadlineDate", "2027-12-31");
    String challengeId = (String) json(post(manager(), "/programs/" + programId + "/challenges", challenge),
        HttpStatus.CREATED).get("id");
    assertThat(get(applicant(ORGS.get(0)), "/programs/" + programId + "/challenges").expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody()).contains(challengeId);

    String general = openProgram("GENERAL", 1000, 100);
    assertProblem(json(post(manager(), "/programs/" + general + "/challenges", challenge),
        HttpStatus.UNPROCESSABLE_CONTENT), "not-a-challenge-program");
  }

  @Test
  void givenWrongRoles_whenManagingPrograms_then403AndWithoutToken401() {
    Map<String, Object> body = programBody("GENERAL", 1000, 100, Instant.now(), Instant.now().plusSeconds(60));
    assertProblem(json(post(applicant(ORGS.get(0)), "/programs", body), HttpStatus.FORBIDDEN), "forbidden");
    assertProblem(json(post(auditor(), "/programs", body), HttpStatus.FORBIDDEN), "forbidden");
    web.get().uri("/programs").exchange().expectStatus().isUnauthorized();
    get(auditor(), "/programs").expectStatus().isOk();
  }

  @Test
  void givenMalformedJson_whenPosted_then400Problem() {
    Map<String, Object> problem = json(web.post().uri("/programs").headers(h -> h.setBearerAuth(manager()))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", \"kind\": ").exchange(), HttpStatus.BAD_REQUEST);
    assertProblem(problem, "malformed-request");
    Map<String, Object> blankName = programBody("GENERAL", 1000, 100, Instant.now(), Instant.now().plusSeconds(60));
    blankName.put("name", "");
    Map<String, Object> invalid = json(post(manager(), "/programs", blankName), HttpStatus.BAD_REQUEST);
    assertThat(invalid.get("errors").toString()).contains("name");
    assertProblem(invalid, "validation");
  }

  @Test
  void givenNoToken_whenHealthReadinessAndApiDocsRequested_thenServed() {
    web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
        .value(doc -> assertThat(doc).contains("/proposals/{proposalId}/award", "/programs"));
    web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
  }

  @SuppressWarnings("unchecked")
  static List<String> ids(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec page) {
    Map<String, Object> body = page.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return ((List<Map<String, Object>>) body.get("items")).stream().map(p -> (String) p.get("id")).toList();
  }
}
