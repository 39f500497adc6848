package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

class IntegrityHoldIT extends IntakeIT {

  static final String TOPIC = "integrity.events";
  static final String PLACED = "fundflow.integrity.hold-placed.v1";
  static final String LIFTED = "fundflow.integrity.hold-lifted.v1";

  @Autowired PersonIdHasher hasher;
  @Autowired ReactiveMongoTemplate template;

  static String placed(String holdId, String type, String subjectId, Instant endsAt) {
    return """
        {"holdId":"%s","subject":{"type":"%s","id":"%s"},"reason":"严重失信主体名单命中","flagId":"flg-1",
         "startsAt":"%s","endsAt":"%s","placedBy":"rule:dishonesty-list@1","placedAt":"%s"}"""
        .formatted(holdId, type, subjectId, Instant.now().minusSeconds(5), endsAt, Instant.now());
  }

  static String lifted(String holdId, String type, String subjectId) {
    return """
        {"holdId":"%s","subject":{"type":"%s","id":"%s"},"reason":"LIFTED_BY_OFFICER","liftedBy":"io-qian",
         "liftedAt":"%s"}""".formatted(holdId, type, subjectId, Instant.now());
  }

  @Test
  void givenHoldPlacedByEvent_whenOrganisationSubmits_thenRefusedNamingEndDate_andAfterLiftAccepted() throws Exception {
    String org = ORGS.get(12);
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = draft(program, org, 1_000_000);
    String holdId = "hld-" + UUID.randomUUID();
    long sent = System.nanoTime();
    publish(TOPIC, org, PLACED, placed(holdId, "ORGANISATION", org, Instant.parse("2029-12-31T16:00:00Z")));

    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Map<String, Object> problem = json(submit(org, id, "k-" + id, pledge()), HttpStatus.UNPROCESSABLE_CONTENT);
      assertProblem(problem, "integrity-hold");
      assertThat((String) problem.get("detail")).contains("until 2029-12-31");
      assertThat(problem.get("holdId")).isEqualTo(holdId);
      assertThat(problem.get("holdEndsAt")).isEqualTo("2029-12-31T16:00:00Z");
    });
    System.out.println("[holds] hold-placed honoured at submit " + (System.nanoTime() - sent) / 1_000_000 + " ms after publishing");
    assertThat(json(get(applicant(org), "/proposals/" + id), HttpStatus.OK).get("status")).isEqualTo("DRAFT");

    publish(TOPIC, org, LIFTED, lifted(holdId, "ORGANISATION", org));
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(json(submit(org, id, "k-" + id, pledge()), HttpStatus.OK).get("status")).isEqualTo("SUBMITTED"));
  }

  @Test
  void givenHoldOnPrincipalInvestigator_whenSubmitted_thenRefused() throws Exception {
    String org = ORGS.get(13);
    String pi = PEOPLE.get(6);
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = draft(proposalBody(program, org, 1_000_000, pi), org);
    String personHash = hasher.hash(pi);
    publish(TOPIC, personHash, PLACED, placed("hld-" + UUID.randomUUID(), "PERSON", personHash,
        Instant.now().plusSeconds(86_400 * 365)));
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Map<String, Object> problem = json(submit(org, id, "k-" + id, pledge()), HttpStatus.UNPROCESSABLE_CONTENT);
      assertProblem(problem, "integrity-hold");
      assertThat((String) problem.get("detail")).contains("principal investigator").doesNotContain(pi);
    });
  }

  @Test
  void givenHoldArrivingAfterSubmission_whenAwarded_thenRefusedAndBudgetUntouched() throws Exception {
    String org = ORGS.get(14);
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underReview(program, org, 1_000_000);
    publish(TOPIC, org, PLACED, placed("hld-" + UUID.randomUUID(), "ORGANISATION", org, Instant.now().plusSeconds(86_400)));
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertProblem(json(post(manager(), "/proposals/" + id + "/award", Map.of("amountFen", 1_000_000)),
            HttpStatus.UNPROCESSABLE_CONTENT), "integrity-hold"));
    assertThat(json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).isEqualTo(0);
    assertThat(json(get(manager(), "/proposals/" + id), HttpStatus.OK).get("status")).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void givenSameHoldEventTwiceAndAnUnknownType_whenConsumed_thenOneHoldAndNothingElse() throws Exception {
    String org = ORGS.get(15);
    String holdId = "hld-" + UUID.randomUUID();
    String event = placed(holdId, "ORGANISATION", org, Instant.now().plusSeconds(86_400));
    publish(TOPIC, org, PLACED, event);
    publish(TOPIC, org, PLACED, event);
    publish(TOPIC, org, "fundflow.integrity.flag-raised.v1", "{\"flagId\":\"f\"}");
    String marker = "hld-" + UUID.randomUUID();
    publish(TOPIC, org, PLACED, placed(marker, "ORGANISATION", org, Instant.now().plusSeconds(86_400)));
    await().atMost(Duration.ofSeconds(45)).until(() ->
        template.exists(new Query(Criteria.where("_id").is(marker)), "holds").block());
    assertThat(template.count(new Query(Criteria.where("subjectId").is(org)), "holds").block()).isEqualTo(2);
    Document hold = template.findById(holdId, Document.class, "holds").block();
    assertThat(hold.getBoolean("lifted")).isFalse();
  }
}
