package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Issue 17 point 2, the public notice of awards (立项公示), over HTTP against the real embedded broker and store, with
 * a notice of a few seconds and a fast sweep (the production default is seven calendar days in Asia/Shanghai, see
 * NoticePeriodTest). This context runs next to the other ITs' context on the same store and broker: two replicas of
 * intake, both sweeping and both in the consumer group.
 */
@TestPropertySource(properties = {"fundflow.intake.award-notice-period=PT6S",
    "fundflow.intake.award-notice-sweep-every=PT0.3S"})
class AwardNoticeIT extends IntakeIT {

  static final String ORG = ORGS.get(16);
  static final String OBJECTOR_ORG = ORGS.get(10);
  static final String TOPIC = "intake.proposal-events";

  @Autowired ReactiveMongoTemplate template;

  static String objector() {
    return applicant(OBJECTOR_ORG);
  }

  static String expert() {
    return TestJwts.token("expert-zhao", List.of("EXPERT"), ORGS.get(9));
  }

  String underNotice(String program, long amount) {
    String id = underReview(program, ORG, amount);
    Map<String, Object> awarded = json(post(manager(), "/proposals/" + id + "/award", Map.of("amountFen", amount)),
        HttpStatus.OK);
    assertThat(awarded.get("status")).isEqualTo("UNDER_NOTICE");
    assertThat(awarded.get("projectId")).as("no project before the award is final").isNull();
    return id;
  }

  Map<String, Object> proposal(String id) {
    return json(get(manager(), "/proposals/" + id), HttpStatus.OK);
  }

  long awardedFen(String program) {
    return ((Number) json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).longValue();
  }

  String lodge(String id, String token, String reasons) {
    Map<String, Object> lodged = json(post(token, "/proposals/" + id + "/objections", Map.of("reasons", reasons)),
        HttpStatus.CREATED);
    @SuppressWarnings("unchecked")
    Map<String, Object> objection = (Map<String, Object>) lodged.get("objection");
    assertThat(objection.get("status")).isEqualTo("PENDING");
    return (String) objection.get("objectionId");
  }

  Map<String, Object> decide(String id, String objectionId, String outcome, String reason) {
    return json(post(manager(), "/proposals/" + id + "/objections/" + objectionId + "/decision",
        Map.of("outcome", outcome, "reason", reason)), HttpStatus.OK);
  }

  @Test
  void anAwardUnderNoticeIsPublicWithoutLoginAndBecomesFinalOnlyAfterTheNotice() {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underNotice(program, 2_345_678);
    String projectId = "prj-" + id.substring(4);

    // the public list, without any token: title, organisation name, amount, notice end; nothing personal
    String publicBody = web.get().uri("/public/award-notices?limit=100").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(publicBody).contains(id, "Proposal of " + ORG, "2345678", "noticeEndsAt");
    assertThat(publicBody).doesNotContain("Zhang San", "Li Si", PEOPLE.get(0), PEOPLE.get(1), "maskedId",
        "personIdHash", "pm-li", "organisationCode");
    assertThat(awaitEvent(TOPIC, id, "fundflow.intake.award-notice-started.v1")).contains("noticeEndsAt");

    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
        .until(() -> "AWARDED".equals(proposal(id).get("status")));
    Map<String, Object> finalAward = proposal(id);
    assertThat(finalAward.get("projectId")).isEqualTo(projectId);
    assertThat(finalAward.toString()).contains("finalAt");
    assertThat(awaitEvent(TOPIC, projectId, "fundflow.intake.proposal-awarded.v1")).contains("\"awardedAmountFen\":2345678");
    // two sweeping replicas: the award is made final once, with one proposal-awarded
    assertThat(events(TOPIC, projectId)).filteredOn(r -> header(r, "ce_type").endsWith("proposal-awarded.v1")).hasSize(1);
    String after = web.get().uri("/public/award-notices?limit=100").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(after).doesNotContain(id);
    assertThat(awardedFen(program)).isEqualTo(2_345_678);
  }

  @Test
  void anUpheldObjectionWithdrawsTheAwardAndReturnsItsAmountExactlyOnceEvenWhenTheEventIsRedelivered() throws Exception {
    String program = openProgram("GENERAL", 50_000_000, 10_000_000);
    String other = underNotice(program, 1_000_000);
    String id = underNotice(program, 3_333_333);
    assertThat(awardedFen(program)).isEqualTo(4_333_333);

    String objectionId = lodge(id, objector(), "该项目研究内容已于2025年获市级资助，属重复申报。");
    Map<String, Object> withdrawn = decide(id, objectionId, "UPHOLD", "经核实属重复申报");

    assertThat(withdrawn.get("status")).isEqualTo("AWARD_WITHDRAWN");
    assertThat(withdrawn.get("projectId")).isNull();
    assertThat(withdrawn.get("notice").toString()).contains("经核实属重复申报", "UPHELD");
    assertThat(awardedFen(program)).as("the withdrawn amount is back, to the fen").isEqualTo(1_000_000);
    // the applicant sees why
    Map<String, Object> seenByApplicant = json(get(applicant(ORG), "/proposals/" + id), HttpStatus.OK);
    assertThat(seenByApplicant.get("notice").toString()).contains("经核实属重复申报");
    assertThat(seenByApplicant.toString()).doesNotContain("applicant-" + OBJECTOR_ORG);

    ConsumerRecord<String, byte[]> event = awaitRecord(TOPIC, id, "fundflow.intake.award-withdrawn.v1");
    assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"withdrawnAmountFen\":3333333");

    // redelivery of the very record, and a copy under another id: nothing is returned a second time
    republish(event, header(event, "ce_id"));
    republish(event, "copy-" + header(event, "ce_id"));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> awardedFen(program) == 1_000_000);

    // a crash right after the proposal's write, before the program's update: the event alone gives it back, once
    Query programDoc = Query.query(Criteria.where("_id").is(program));
    template.updateFirst(programDoc, new Update().inc("committedFen", 3_333_333).set("commitments." + id, 3_333_333L)
        .unset("withdrawnAwards." + id), "programs").block();
    assertThat(awardedFen(program)).isEqualTo(4_333_333);
    republish(event, header(event, "ce_id") + "-after-crash");
    await().atMost(Duration.ofSeconds(30)).until(() -> awardedFen(program) == 1_000_000);
    republish(event, header(event, "ce_id") + "-again");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> awardedFen(program) == 1_000_000);

    // the withdrawn award never becomes final, the other one does
    await().atMost(Duration.ofSeconds(40)).until(() -> "AWARDED".equals(proposal(other).get("status")));
    assertThat(proposal(id).get("status")).isEqualTo("AWARD_WITHDRAWN");
    assertThat(events(TOPIC, "prj-" + id.substring(4))).isEmpty();
    Document stored = template.findById(program, Document.class, "programs").block();
    assertThat(((Document) stored.get("withdrawnAwards")).get(id)).isEqualTo(3_333_333L);
  }

  @Test
  void anObjectionPendingAtTheEndKeepsTheAwardUnderNoticeUntilItIsDismissed() {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underNotice(program, 1_500_000);
    String objectionId = lodge(id, expert(), "团队成员与评审专家存在利益关系");
    Instant endsAt = Instant.parse((String) ((Map<?, ?>) proposal(id).get("notice")).get("endsAt"));

    await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(endsAt.plusSeconds(2)));
    assertThat(proposal(id).get("status")).as("pending at the end: still under notice").isEqualTo("UNDER_NOTICE");
    // and no more objections once the notice has ended
    assertProblem(json(post(objector(), "/proposals/" + id + "/objections", Map.of("reasons", "late")),
        HttpStatus.UNPROCESSABLE_CONTENT), "notice-ended");

    Map<String, Object> dismissed = decide(id, objectionId, "DISMISS", "经核查不存在利益关系");
    assertThat(dismissed.get("status")).isEqualTo("AWARDED");
    assertThat(awaitEvent(TOPIC, "prj-" + id.substring(4), "fundflow.intake.proposal-awarded.v1"))
        .contains("\"awardedAmountFen\":1500000");
    assertThat(awardedFen(program)).isEqualTo(1_500_000);
  }

  @Test
  void theObjectorAddsEvidenceThatManagersAndAuditorsReadAndNobodyElse() {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underNotice(program, 1_000_000);
    String objectionId = lodge(id, objector(), "见附件证据");
    String files = "/proposals/" + id + "/objections/" + objectionId + "/files";

    EntityExchangeResult<String> up = BadUploads.exchange(web, HttpMethod.POST, files, objector(),
        BadUploads.filePart("证据.pdf", BadUploads.SMALL_PDF));
    assertThat(up.getStatus().value()).isEqualTo(201);
    assertThat(BadUploads.exchange(web, HttpMethod.POST, files, expert(),
        BadUploads.filePart("x.pdf", BadUploads.SMALL_PDF)).getStatus().value()).as("not the objector").isEqualTo(404);

    assertThat(web.get().uri(files).headers(h -> h.setBearerAuth(manager())).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody()).contains("证据.pdf");
    String fileId = new tools.jackson.databind.json.JsonMapper().readTree(up.getResponseBody()).get("fileId").asString();
    BadUploads.assertDownloadsSmallPdf(web, files + "/" + fileId, auditor(), "证据.pdf");
    BadUploads.assertDownloadsSmallPdf(web, files + "/" + fileId, objector(), "证据.pdf");
    get(applicant(ORG), files).expectStatus().isNotFound();
    get(expert(), files).expectStatus().isNotFound();

    decide(id, objectionId, "DISMISS", "证据不足");
    assertThat(BadUploads.exchange(web, HttpMethod.POST, files, objector(),
        BadUploads.filePart("late.pdf", BadUploads.SMALL_PDF)).getStatus().value()).as("decided").isEqualTo(409);
  }

  /** Who may call the new endpoints (401 without a token, 403 for a role that may not, 404 where it may not see). */
  @Test
  void accessMatrix() {
    String program = openProgram("GENERAL", 500_000_000, 10_000_000);
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("APPLICANT (own org)", applicant(ORG));
    roles.put("APPLICANT (other org)", objector());
    roles.put("PROGRAM_MANAGER", manager());
    roles.put("EXPERT", expert());
    roles.put("FINANCE_OFFICER", TestJwts.token("fo-x", List.of("FINANCE_OFFICER"), null));
    roles.put("INTEGRITY_OFFICER", TestJwts.token("io-x", List.of("INTEGRITY_OFFICER"), null));
    roles.put("AUDITOR", auditor());
    Map<String, Integer> lodgeExpected = Map.of("APPLICANT (own org)", 422, "APPLICANT (other org)", 201,
        "PROGRAM_MANAGER", 403, "EXPERT", 201, "FINANCE_OFFICER", 201, "INTEGRITY_OFFICER", 201, "AUDITOR", 403);
    List<String> rows = new ArrayList<>();
    for (var role : roles.entrySet()) {
      String id = underNotice(program, 1_000);
      int lodged = post(role.getValue(), "/proposals/" + id + "/objections", Map.of("reasons", "r"))
          .returnResult(String.class).getStatus().value();
      rows.add("POST /proposals/{underNotice}/objections | " + role.getKey() + " | " + lodged);
      assertThat(lodged).as(role.getKey()).isEqualTo(lodgeExpected.get(role.getKey()));
    }
    String id = underNotice(program, 1_000);
    String objectionId = lodge(id, objector(), "r");
    String decision = "/proposals/" + id + "/objections/" + objectionId + "/decision";
    for (var role : roles.entrySet()) {
      if (!role.getKey().equals("PROGRAM_MANAGER")) {
        int status = post(role.getValue(), decision, Map.of("outcome", "DISMISS", "reason", "r"))
            .returnResult(String.class).getStatus().value();
        rows.add("POST …/decision | " + role.getKey() + " | " + status);
        assertThat(status).as(role.getKey()).isEqualTo(403);
      }
    }
    // without a token: only the public list is open
    web.get().uri("/public/award-notices").exchange().expectStatus().isOk();
    web.post().uri("/proposals/" + id + "/objections").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reasons", "r")).exchange().expectStatus().isUnauthorized();
    web.post().uri(decision).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("outcome", "UPHOLD", "reason", "r")).exchange().expectStatus().isUnauthorized();
    web.get().uri("/proposals/" + id + "/objections/" + objectionId + "/files").exchange().expectStatus()
        .isUnauthorized();
    // a proposal not under notice is not found by those who may not read it
    String underReview = underReview(program, ORG, 1_000);
    post(objector(), "/proposals/" + underReview + "/objections", Map.of("reasons", "r")).expectStatus().isNotFound();
    post(applicant(ORG), "/proposals/" + underReview + "/objections", Map.of("reasons", "r")).expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    rows.forEach(System.out::println);
  }

  /** Bad input: a problem with its status, and the proposal's stored document unchanged. */
  @Test
  void badInputIsRefusedAndChangesNothing() {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underNotice(program, 1_000);
    String objectionId = lodge(id, objector(), "r");
    String objections = "/proposals/" + id + "/objections";
    String decision = objections + "/" + objectionId + "/decision";
    record Bad(String name, String path, String token, Object body, int status) {}
    List<Bad> cases = List.of(
        new Bad("objection without reasons", objections, expert(), Map.of(), 400),
        new Bad("objection with blank reasons", objections, expert(), Map.of("reasons", "   "), 400),
        new Bad("objection reasons 2001 chars", objections, expert(), Map.of("reasons", "r".repeat(2001)), 400),
        new Bad("objection reasons a number", objections, expert(), Map.of("reasons", 42), 400),
        new Bad("objection malformed JSON", objections, expert(), "{\"reasons\": ", 400),
        new Bad("objection JSON array", objections, expert(), "[1]", 400),
        new Bad("second pending objection of the same person", objections, objector(), Map.of("reasons", "again"),
            422),
        new Bad("objection to an unknown proposal", "/proposals/nope/objections", expert(), Map.of("reasons", "r"),
            404),
        new Bad("decision outcome unknown", decision, manager(), Map.of("outcome", "MAYBE", "reason", "r"), 400),
        new Bad("decision without outcome", decision, manager(), Map.of("reason", "r"), 400),
        new Bad("decision without reason", decision, manager(), Map.of("outcome", "UPHOLD"), 400),
        new Bad("decision reason blank", decision, manager(), Map.of("outcome", "UPHOLD", "reason", " "), 400),
        new Bad("decision of an unknown objection", objections + "/obj-nope/decision", manager(),
            Map.of("outcome", "UPHOLD", "reason", "r"), 404),
        new Bad("decision by an auditor, malformed", decision, auditor(), "{\"outcome\":", 403));
    Document before = template.findById(id, Document.class, "proposals").block();
    for (Bad c : cases) {
      var spec = web.post().uri(c.path()).headers(h -> h.setBearerAuth(c.token()))
          .contentType(MediaType.APPLICATION_JSON).bodyValue(c.body()).exchange();
      EntityExchangeResult<String> r = spec.expectBody(String.class).returnResult();
      assertThat(r.getStatus().value()).as(c.name()).isEqualTo(c.status());
      assertThat(String.valueOf(r.getResponseHeaders().getContentType())).as(c.name())
          .startsWith("application/problem+json");
    }
    web.post().uri(decision).headers(h -> {
      h.setBearerAuth(manager());
      h.set("If-Match", "\"999\"");
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "UPHOLD", "reason", "r")).exchange()
        .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
    Document after = template.findById(id, Document.class, "proposals").block();
    after.remove("outboxLease");
    before.remove("outboxLease");
    assertThat(after.get("version")).isEqualTo(before.get("version"));
    assertThat(after.get("notice")).isEqualTo(before.get("notice"));
    assertThat(after.get("status")).isEqualTo("UNDER_NOTICE");
  }

  /** The new events validate against their schemas in shared-schemas and carry the CloudEvents headers. */
  @Test
  void theNoticeEventsValidateAgainstTheirSchemas() {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String id = underNotice(program, 7_777);
    String objectionId = lodge(id, objector(), "理由");
    decide(id, objectionId, "UPHOLD", "成立");
    var registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(
        com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
    List<String> types = List.of("award-notice-started", "award-objection-lodged", "award-objection-decided",
        "award-withdrawn");
    for (String type : types) {
      ConsumerRecord<String, byte[]> r = awaitRecord(TOPIC, id, "fundflow.intake." + type + ".v1");
      var schema = registry.getSchema(getClass().getResourceAsStream(
          "/schemas/project-intake/" + type + ".v1.schema.json"));
      assertThat(schema.validate(new String(r.value(), StandardCharsets.UTF_8), com.networknt.schema.InputFormat.JSON))
          .as(type).isEmpty();
      assertThat(header(r, "ce_source")).isEqualTo("/fundflow/project-intake");
      assertThat(header(r, "ce_dataschema")).isEqualTo("project-intake/" + type + ".v1.schema.json");
      assertThat(header(r, "ce_correlationid")).isNotNull();
      assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(PEOPLE.get(0), "Zhang San",
          "applicant-" + OBJECTOR_ORG);
    }
  }

  // ------------------------------------------------------------------ kafka helpers

  String awaitEvent(String topic, String key, String type) {
    return new String(awaitRecord(topic, key, type).value(), StandardCharsets.UTF_8);
  }

  ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, String type) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (key.equals(r.key()) && type.equals(header(r, "ce_type"))) {
            found.add(r);
          }
        });
        return !found.isEmpty();
      });
    }
    return found.get(0);
  }

  List<ConsumerRecord<String, byte[]>> events(String topic, String key) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
      for (int i = 0; i < 10; i++) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> {
          if (key.equals(r.key())) {
            found.add(r);
          }
        });
      }
    }
    return found;
  }

  /** The record again, its headers as they were but the CloudEvents id (a redelivery keeps it, a copy has another). */
  static void republish(ConsumerRecord<String, byte[]> original, String eventId) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
        new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
      original.headers().forEach(h -> {
        if (!h.key().equals("ce_id")) {
          copy.headers().add(h);
        }
      });
      copy.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
      producer.send(copy).get();
    }
  }
}
