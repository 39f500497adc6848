package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 立项评审 (issue 17 point 1), over the real broker and store: a program requires an expert review before award (on
 * by default for CHALLENGE and GENERAL, off for POST_SUBSIDY) with its own rubric (weights adding up to 100); a proposal
 * sent to review publishes proposal-screened with the rubric; an award before the review score is heard is refused;
 * milestone-review's proposal-reviewed is recorded once (a redelivery, or a second event for the proposal, changes
 * nothing); the program's proposals are ranked by score; an award out of rank order needs a written reason, which is
 * recorded, readable by auditors and published in the award event.
 */
class ExpertReviewIT extends IntakeIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String REVIEWED = "fundflow.milestone.proposal-reviewed.v1";

  @Autowired ReactiveMongoTemplate template;

  static Map<String, Object> programWithDefaultReview(String kind) {
    Instant now = Instant.now();
    Map<String, Object> body = programBody(kind, 100_000_000, 10_000_000, now.minus(1, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS));
    body.remove("expertReview");
    return body;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReviewIsOnByDefaultForChallengeAndGeneralOffForPostSubsidyAndTheRubricMustWeigh100() {
    for (String kind : List.of("CHALLENGE", "GENERAL")) {
      Map<String, Object> p = json(post(manager(), "/programs", programWithDefaultReview(kind)), HttpStatus.CREATED);
      Map<String, Object> review = (Map<String, Object>) p.get("expertReview");
      assertThat(review.get("required")).as(kind).isEqualTo(true);
      assertThat((List<Map<String, Object>>) review.get("rubric")).extracting(c -> c.get("weight"))
          .containsExactly(40, 30, 20, 10);
    }
    Map<String, Object> postSubsidy = json(post(manager(), "/programs", programWithDefaultReview("POST_SUBSIDY")),
        HttpStatus.CREATED);
    assertThat(((Map<String, Object>) postSubsidy.get("expertReview")).get("required")).isEqualTo(false);

    Map<String, Object> off = json(post(manager(), "/programs", programBody("GENERAL", 100_000_000, 10_000_000,
        Instant.now(), Instant.now().plus(9, ChronoUnit.DAYS))), HttpStatus.CREATED);
    assertThat(((Map<String, Object>) off.get("expertReview")).get("required")).isEqualTo(false);

    Map<String, Object> bad = programWithDefaultReview("GENERAL");
    bad.put("expertReview", Map.of("required", true, "rubric", List.of(Map.of("name", "创新性", "weight", 60),
        Map.of("name", "可行性", "weight", 30))));
    assertProblem(json(post(manager(), "/programs", bad), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-rubric");
    Map<String, Object> reviewedPostSubsidy = programWithDefaultReview("POST_SUBSIDY");
    reviewedPostSubsidy.put("expertReview", Map.of("required", true));
    assertProblem(json(post(manager(), "/programs", reviewedPostSubsidy), HttpStatus.UNPROCESSABLE_CONTENT),
        "invalid-rubric");
  }

  @Test
  @SuppressWarnings("unchecked")
  void proposalsAreAwardedOnlyAfterTheirReviewInRankOrderOrWithAWrittenReason() throws Exception {
    Map<String, Object> body = programWithDefaultReview("GENERAL");
    List<Map<String, Object>> rubric = List.of(Map.of("name", "创新性 Innovation", "weight", 50),
        Map.of("name", "可行性 Feasibility", "weight", 35), Map.of("name", "团队 Team", "weight", 15));
    body.put("expertReview", Map.of("rubric", rubric));
    String program = (String) json(post(manager(), "/programs", body), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + program + "/open", null), HttpStatus.OK);

    String a = underReview(program, ORGS.get(5), 2_000_000);
    String b = underReview(program, ORGS.get(6), 2_000_000);
    String c = underReview(program, ORGS.get(7), 2_000_000);

    // each proposal sent to review goes to the panel with the program's rubric and its team (for 回避)
    Map<String, JsonNode> screened = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if ("fundflow.intake.proposal-screened.v1".equals(header(r, "ce_type"))) {
            screened.put(r.key(), JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)));
          }
        }
        return screened.keySet().containsAll(List.of(a, b, c));
      });
    }
    JsonNode screenedA = screened.get(a);
    assertThat(screenedA.get("programId").asString()).isEqualTo(program);
    assertThat(screenedA.get("rubric").get(0).get("name").asString()).isEqualTo("创新性 Innovation");
    assertThat(screenedA.get("rubric").get(0).get("weight").asInt()).isEqualTo(50);
    assertThat(screenedA.get("principalInvestigator").get("personIdHash").asString()).hasSize(64);
    assertThat(screenedA.toString()).doesNotContain(PEOPLE.get(0));

    // no award before the review is complete
    assertProblem(json(post(manager(), "/proposals/" + a + "/award", Map.of("amountFen", 1_000_000)),
        HttpStatus.CONFLICT), "review-incomplete");
    Map<String, Object> waiting = json(get(manager(), "/programs/" + program + "/ranking"), HttpStatus.OK);
    assertThat((List<Map<String, Object>>) waiting.get("awaitingReview")).extracting(x -> x.get("proposalId"))
        .containsExactlyInAnyOrder(a, b, c);

    // milestone-review's scores; B's event is redelivered and a second, different one for B arrives: applied once
    String bEvent = UUID.randomUUID().toString();
    publishReviewed(UUID.randomUUID().toString(), a, program, ORGS.get(5), "70.00");
    publishReviewed(bEvent, b, program, ORGS.get(6), "85.50");
    publishReviewed(bEvent, b, program, ORGS.get(6), "85.50");
    publishReviewed(UUID.randomUUID().toString(), b, program, ORGS.get(6), "10.00");
    publishReviewed(UUID.randomUUID().toString(), c, program, ORGS.get(7), "60.00");
    await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) json(get(auditor(), "/programs/" + program
        + "/ranking"), HttpStatus.OK).get("ranking")).size() == 3);
    Map<String, Object> ranking = json(get(auditor(), "/programs/" + program + "/ranking"), HttpStatus.OK);
    List<Map<String, Object>> ranked = (List<Map<String, Object>>) ranking.get("ranking");
    assertThat(ranked).extracting(x -> x.get("proposalId")).containsExactly(b, a, c);
    assertThat(ranked).extracting(x -> x.get("rank")).containsExactly(1, 2, 3);
    assertThat(ranked).extracting(x -> x.get("score")).containsExactly("85.50", "70.00", "60.00");
    assertThat((String) ranked.get(0).get("explanation")).contains("mean");
    assertThat((List<?>) ranking.get("awaitingReview")).isEmpty();
    assertThat(ranking.get("reviewRequired")).isEqualTo(true);
    assertThat(template.count(new org.springframework.data.mongodb.core.query.Query(
        org.springframework.data.mongodb.core.query.Criteria.where("programId").is(program)), "proposal-reviews")
        .block()).isEqualTo(3);

    // A (rank 2) before B (rank 1, neither awarded nor rejected): out of rank order, refused without a reason
    Map<String, Object> refused = json(post(manager(), "/proposals/" + a + "/award", Map.of("amountFen", 1_000_000)),
        HttpStatus.UNPROCESSABLE_CONTENT);
    assertProblem(refused, "out-of-rank-order");
    assertThat((List<String>) refused.get("higherRankedProposalIds")).containsExactly(b);
    assertThat(((Number) json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).longValue())
        .as("a refused award reserves nothing").isZero();

    // with a written reason it is awarded; the reason is recorded, shown to auditors and published
    String reason = "排名第一的项目与已立项课题重复，经专家组复议按第二名立项";
    Map<String, Object> awardedA = json(post(manager(), "/proposals/" + a + "/award",
        Map.of("amountFen", 1_000_000, "outOfRankOrderReason", reason)), HttpStatus.OK);
    assertThat(awardedA.get("status")).isEqualTo("AWARDED");
    assertThat(awardedA.get("outOfRankOrderReason")).isEqualTo(reason);
    assertThat(json(get(auditor(), "/proposals/" + a), HttpStatus.OK).get("outOfRankOrderReason")).isEqualTo(reason);
    assertThat(((List<Map<String, Object>>) json(get(auditor(), "/programs/" + program + "/ranking"), HttpStatus.OK)
        .get("ranking")).get(1).get("outOfRankOrderReason")).isEqualTo(reason);

    // B, the top-ranked one, needs no reason; then C, the last, is in order too (everything above it is decided)
    Map<String, Object> awardedB = json(post(manager(), "/proposals/" + b + "/award", Map.of("amountFen", 2_000_000)),
        HttpStatus.OK);
    assertThat(awardedB).doesNotContainKey("outOfRankOrderReason");
    json(post(manager(), "/proposals/" + c + "/award", Map.of("amountFen", 500_000)), HttpStatus.OK);

    Map<String, JsonNode> awards = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if ("fundflow.intake.proposal-awarded.v1".equals(header(r, "ce_type"))) {
            JsonNode n = JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
            awards.put(n.get("proposalId").asString(), n);
          }
        }
        return awards.keySet().containsAll(List.of(a, b, c));
      });
    }
    assertThat(awards.get(a).get("outOfRankOrderReason").asString()).isEqualTo(reason);
    assertThat(awards.get(b).has("outOfRankOrderReason")).isFalse();
    Document stored = template.findById(a, Document.class, "proposals").block();
    assertThat(stored.getString("outOfRankOrderReason")).isEqualTo(reason);
  }

  @Test
  void theRankingIsForStaffOnly() {
    String program = (String) json(post(manager(), "/programs", programWithDefaultReview("GENERAL")),
        HttpStatus.CREATED).get("id");
    json(get(manager(), "/programs/" + program + "/ranking"), HttpStatus.OK);
    get(applicant(ORGS.get(5)), "/programs/" + program + "/ranking").expectStatus().isForbidden();
    get(manager(), "/programs/no-such-program/ranking").expectStatus().isNotFound();
  }

  static void publishReviewed(String eventId, String proposalId, String programId, String org, String score)
      throws Exception {
    String json = """
        {"proposalId":"%s","programId":"%s","organisationCode":"%s","score":"%s","totalsUsed":[70,80,90],
         "totalsDropped":[],"explanation":"3 experts (< 5): all totals used; mean","panelSize":3,
         "rubric":[{"name":"创新性 Innovation","weight":50},{"name":"可行性 Feasibility","weight":35},{"name":"团队 Team","weight":15}],
         "reviewedAt":"%s"}""".formatted(proposalId, programId, org, score, Instant.now());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
        new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>("milestone.project-events", proposalId,
          json.getBytes(StandardCharsets.UTF_8));
      CloudEventHeaders.write(new CloudEventAttributes(eventId, REVIEWED, "/fundflow/milestone-review", proposalId,
          Instant.now(), "corr-" + eventId, null), record.headers());
      producer.send(record).get();
    }
  }

  static List<String> ids(List<Map<String, Object>> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add((String) r.get("proposalId")));
    return out;
  }
}
