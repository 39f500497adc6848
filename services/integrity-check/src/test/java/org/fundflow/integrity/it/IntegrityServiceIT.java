package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.integrity.contract.Schemas;
import org.fundflow.integrity.it.IntegrityKafka.Published;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.fundflow.platform.test.BadUploads;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * The whole service against the real embedded broker and store: events in through the binder,
 * rules, single-document writes with outbox, events out on integrity.events, the HTTP API with
 * real JWTs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundflow.integrity.expenditure.cumulative-cap-fen=10000000"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class IntegrityServiceIT {

  static final String PROPOSALS = "intake.proposal-events";
  static final String PROJECTS = "milestone.project-events";
  static final String CLAIMS = "subsidy.claim-events";
  static final String DISBURSEMENTS = "subsidy.disbursement-events";
  static final Duration WAIT = Duration.ofSeconds(30);

  static IntegrityKafka kafka;

  @LocalServerPort int port;
  @Autowired PersonIdHasher hasher;
  @Autowired ReactiveMongoTemplate template;
  WebTestClient web;

  @BeforeAll
  static void kafka() {
    kafka = new IntegrityKafka();
  }

  @AfterAll
  static void close() {
    kafka.close();
  }

  @BeforeEach
  void web() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
  }

  // ------------------------------------------------------------------ rules

  @Test
  void aNearDuplicateProposalOfTheSameOrganisationInAnotherProgramIsFlagged_anUnrelatedOneIsNot() throws Exception {
    String org = "5231011587WL1EFJ6B";
    JsonNode pairs = IntegrityKafka.JSON.readTree(getClass().getResourceAsStream("/testdata/similar-proposals.json"))
        .get("pairs");
    JsonNode same1 = pairs.get(0).get("a");
    JsonNode same2 = pairs.get(0).get("b");
    JsonNode unrelated = pairs.get(3).get("b"); // same field, different project
    // one key, so the unrelated one is consumed before the duplicate (the flag then proves all were seen)
    kafka.send(PROPOSALS, org, "fundflow.intake.proposal-submitted.v1", proposal("prp-u-" + org, "prg-C", org, hex(), unrelated));
    kafka.send(PROPOSALS, org, "fundflow.intake.proposal-submitted.v1", proposal("prp-1-" + org, "prg-A", org, hex(), same1));
    String second = kafka.send(PROPOSALS, org, "fundflow.intake.proposal-submitted.v1",
        proposal("prp-2-" + org, "prg-B", org, hex(), same2));

    Published flag = awaitOne(p -> p.type().equals("fundflow.integrity.flag-raised.v1") && p.key().equals(org));
    assertValid(flag, "flag-raised");
    assertThat(flag.data().at("/rule/name").asString()).isEqualTo("duplicate-application");
    assertThat(flag.data().at("/rule/version").asInt()).isEqualTo(1);
    assertThat(flag.data().at("/subject/type").asString()).isEqualTo("ORGANISATION");
    assertThat(flag.subject()).isEqualTo(org);
    assertThat(flag.correlationId()).isEqualTo("corr-" + second);
    assertThat(flag.data().at("/evidence/0/values/proposalId").asString()).isEqualTo("prp-1-" + org);
    assertThat(flag.data().at("/evidence/1/values/proposalId").asString()).isEqualTo("prp-2-" + org);
    assertThat(flag.data().at("/evidence/0/values/similarity").asDouble()).isGreaterThanOrEqualTo(0.75);
    assertThat(flag.data().at("/evidence/0/values/method").asString()).contains("threshold 0.75");
    assertThat(flag.data().at("/evidence/1/eventId").asString()).isEqualTo(second);

    JsonNode record = record(org);
    assertThat(record.get("flags")).hasSize(1);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aListedOrganisationAndPersonApplying_areFlaggedAndHeldAtOnce(CapturedOutput output) {
    String org = "9112000089F2XW550E";
    String nationalId = "110108197203044876";
    String csv = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
        + "ORGANISATION," + org + ",天津某生物科技有限公司,虚报研发投入骗取后补助,三年内不得申报市区两级科技计划项目,"
        + "天津市津南区科学技术局,《天津市科研诚信管理办法》第二十一条,2025-06-01,2028-05-31\n"
        + "PERSON," + nationalId + ",陈某,\"抄袭他人申报书, 并重复申报\",五年内不得承担财政资助科研项目,天津市科学技术局,"
        + "《科学技术活动违规行为处理规定》,2025-01-01,\n"
        + "ORGANISATION,9112000089F2XW551E,坏行,骗取补助,禁止申报,某局,某条,2025-01-01,2026-01-01\n";

    MultipartBodyBuilder upload = new MultipartBodyBuilder();
    upload.part("file", new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "shixin-2026.csv";
      }
    }).contentType(MediaType.parseMediaType("text/csv"));
    JsonNode first = web.post().uri("/dishonesty-list/imports").headers(h -> h.setBearerAuth(officer()))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(upload.build()))
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(first.get("imported").asInt()).isEqualTo(2);
    assertThat(first.get("rejected")).hasSize(1);
    assertThat(first.at("/rejected/0/row").asInt()).isEqualTo(4);
    assertThat(first.at("/rejected/0/reason").asString()).contains("unified social credit code");

    JsonNode again = web.post().uri("/dishonesty-list/imports").headers(h -> h.setBearerAuth(officer()))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(2);

    String personHash = hasher.hash(nationalId);
    Instant sent = Instant.now();
    String event = kafka.send(PROPOSALS, "prp-listed", "fundflow.intake.proposal-submitted.v1",
        proposal("prp-listed", "prg-A", org, personHash, IntegrityKafka.JSON.createObjectNode()
            .put("title", "新型抗体药物研发").put("abstract", "研发针对肿瘤的新型双特异性抗体药物。")));

    Published orgHold = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org));
    Published personHold = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", personHash));
    System.out.printf("[integrity] hold-placed read %d ms after the proposal-submitted event was sent%n",
        Duration.between(sent, orgHold.readAt()).toMillis());
    assertThat(Duration.between(sent, orgHold.readAt())).isLessThan(Duration.ofSeconds(10));
    assertValid(orgHold, "hold-placed");
    assertValid(personHold, "hold-placed");
    assertThat(orgHold.data().get("endsAt").asString()).isEqualTo("2028-05-31T16:00:00Z");
    assertThat(orgHold.data().get("placedBy").asString()).isEqualTo("rule/dishonesty-list/v1");
    Published orgFlag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org));
    assertValid(orgFlag, "flag-raised");
    assertThat(orgFlag.data().get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(orgFlag.data().at("/evidence/0/eventId").asString()).isEqualTo(event);
    assertThat(orgFlag.data().at("/evidence/0/values/authority").asString()).isEqualTo("天津市津南区科学技术局");
    assertThat(orgHold.data().get("flagId").asString()).isEqualTo(orgFlag.data().get("flagId").asString());
    assertThat(personHold.json()).doesNotContain(nationalId);

    // the same person assigned as an expert: flagged again, no second hold for the same list entry
    kafka.send(PROJECTS, "prj-x", "fundflow.milestone.expert-evaluation-submitted.v1",
        evaluation("prj-x", "usr-expert-chen", personHash, "11120116LYXDCQ8D2P", "12120112EXH9BL324R", List.of()));
    await().atMost(WAIT).until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", personHash)).size() == 2);
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", personHash))).hasSize(1);

    // the integrity record, for officers and auditors; a person is looked up by the ID in the body
    JsonNode orgRecord = record(org);
    assertThat(orgRecord.get("onHold").asBoolean()).isTrue();
    assertThat(orgRecord.get("holds")).hasSize(1);
    assertThat(orgRecord.get("listEntries")).hasSize(1);
    assertThat(orgRecord.at("/listEntries/0/misconduct").asString()).isEqualTo("虚报研发投入骗取后补助");
    JsonNode personRecord = web.post().uri("/integrity-records/persons/lookup").headers(h -> h.setBearerAuth(auditor()))
        .bodyValue(Map.of("personId", nationalId)).exchange().expectStatus().isOk()
        .expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(personRecord.get("onHold").asBoolean()).isTrue();
    assertThat(personRecord.get("flags")).hasSize(2);
    assertThat(personRecord.at("/listEntries/0/maskedPersonId").asString()).isEqualTo("1101**********4876");
    assertThat(personRecord.toString()).doesNotContain(nationalId);
    assertThat(output.getAll()).as("the national ID is never logged").doesNotContain(nationalId);
  }

  @Test
  void anOrganisationListedAgainAfterItsHoldWasLifted_isHeldAgain() {
    String org = "91120116REL15T01AP";
    String header = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n";
    String row = "ORGANISATION," + org + ",天津某智能装备有限公司,虚报研发投入,三年内不得申报科技计划项目,天津市科学技术局,"
        + "《天津市科研诚信管理办法》第二十一条,2026-01-01,";
    importList(header + row + "2027-06-30\n");
    kafka.send(PROPOSALS, "prp-relist-1", "fundflow.intake.proposal-submitted.v1", proposal("prp-relist-1", "prg-A", org,
        hex(), IntegrityKafka.JSON.createObjectNode().put("title", "智能焊接机器人").put("abstract", "焊接机器人视觉引导。")));
    String firstHold = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org)).data().get("holdId").asString();
    web.post().uri("/holds/{id}/lift", firstHold).headers(h -> h.setBearerAuth(officer()))
        .bodyValue(Map.of("reason", "sanction ended early on appeal")).exchange().expectStatus().isOk();
    awaitOne(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", org));

    // listed again: the authority puts the organisation on the list for a new period (same decision date, new end)
    JsonNode again = importList(header + row + "2029-12-31\n");
    assertThat(again.get("imported").asInt()).as("a new listing period is a new list entry").isEqualTo(1);
    kafka.send(PROPOSALS, "prp-relist-2", "fundflow.intake.proposal-submitted.v1", proposal("prp-relist-2", "prg-B", org,
        hex(), IntegrityKafka.JSON.createObjectNode().put("title", "激光清洗装备").put("abstract", "激光清洗工艺研究。")));
    await().atMost(WAIT).until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org)).size() == 2);
    Published secondHold = kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org)).stream()
        .filter(h -> !h.data().get("holdId").asString().equals(firstHold)).findFirst().orElseThrow();
    assertValid(secondHold, "hold-placed");
    assertThat(secondHold.data().get("holdId").asString()).isNotEqualTo(firstHold);
    assertThat(secondHold.data().get("endsAt").asString()).isEqualTo("2029-12-31T16:00:00Z");
    assertThat(record(org).get("onHold").asBoolean()).isTrue();

    // the same listing imported once more, and the organisation applying again: nothing new
    assertThat(importList(header + row + "2029-12-31\n").get("unchanged").asInt()).isEqualTo(1);
    String third = kafka.send(PROPOSALS, "prp-relist-3", "fundflow.intake.proposal-submitted.v1", proposal("prp-relist-3",
        "prg-C", org, hex(), IntegrityKafka.JSON.createObjectNode().put("title", "数控机床").put("abstract", "五轴联动。")));
    await().atMost(WAIT).until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org)).stream()
        .anyMatch(f -> f.data().at("/evidence/0/eventId").asString().equals(third)));
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org))).hasSize(2);
  }

  /**
   * Issue 12 points 1 and 3: parties known from a proposal (applicant, PI) and a disbursement awaiting payment,
   * listed later. The import itself flags and holds them (no application, review or payment needed), once; a
   * payment released to the held payee anyway raises a CRITICAL flag naming the disbursement.
   */
  @Test
  void aLateListing_holdsTheKnownPartiesAtOnce_andAPaymentReleasedWhileHeldIsFlaggedCritical() {
    String org = BadInputAndAccessMatrixIT.organisationCode();
    String nationalId = nationalId();
    String piHash = hasher.hash(nationalId);
    String disbursement = "adv-prj-late-" + org;
    kafka.send(PROPOSALS, "prp-late-" + org, "fundflow.intake.proposal-submitted.v1", proposal("prp-late-" + org,
        "prg-A", org, piHash, IntegrityKafka.JSON.createObjectNode().put("title", "高温合金叶片").put("abstract", "定向凝固工艺。")));
    kafka.send(DISBURSEMENTS, "prj-late-" + org, "fundflow.subsidy.disbursement-created.v1",
        created(disbursement, "prg-A", org, 600_000L));
    await().atMost(WAIT).until(() -> {
      Document payee = template.findById("ORGANISATION:" + org, Document.class, "known-parties").block();
      return payee != null && payee.getList("openDisbursements", String.class, List.of()).contains(disbursement)
          && template.findById("PERSON:" + piHash, Document.class, "known-parties").block() != null;
    });
    assertThat(record(org).get("onHold").asBoolean()).as("not listed yet").isFalse();

    String header = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n";
    String csv = header + "ORGANISATION," + org + ",天津某航空材料有限公司,伪造研发费用专项审计报告,五年内取消申报资格,"
        + "天津市科学技术局,《科学技术活动违规行为处理规定》第十三条,2026-01-01,\n"
        + "PERSON," + nationalId + ",刘某,抄袭他人项目申报书,三年内禁止承担财政科研项目,天津市科学技术局,"
        + "《关于进一步加强科研诚信建设的若干意见》,2026-01-01,\n";
    Instant imported = Instant.now();
    assertThat(importList(csv).get("imported").asInt()).isEqualTo(2);
    // held by the import itself: the record says so as soon as the import has answered
    assertThat(record(org).get("onHold").asBoolean()).isTrue();
    Published orgHold = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org));
    System.out.printf("[integrity] late listing: hold-placed read %d ms after the import was sent%n",
        Duration.between(imported, orgHold.readAt()).toMillis());
    Published personHold = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", piHash));
    assertValid(orgHold, "hold-placed");
    assertValid(personHold, "hold-placed");
    assertThat(orgHold.data().get("placedBy").asString()).isEqualTo("rule/dishonesty-list/v1");
    Published orgFlag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org));
    assertValid(orgFlag, "flag-raised");
    assertThat(orgFlag.data().get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(orgFlag.data().at("/rule/name").asString()).isEqualTo("dishonesty-list");
    assertThat(orgFlag.data().at("/evidence/0/values/openDisbursementIds").asString()).isEqualTo(disbursement);
    assertThat(orgFlag.data().at("/evidence/0/values/roles").asString()).contains("APPLICANT_ORGANISATION", "PAYEE");
    assertThat(orgHold.data().get("flagId").asString()).isEqualTo(orgFlag.data().get("flagId").asString());
    assertThat(personHold.json()).doesNotContain(nationalId);

    // the same list again: nothing new
    assertThat(importList(csv).get("unchanged").asInt()).isEqualTo(2);

    // the payment released anyway (e.g. inside the hold's propagation time): the last line names it
    String release = kafka.send(DISBURSEMENTS, "prj-late-" + org, "fundflow.subsidy.disbursement-released.v1",
        released(disbursement, "prg-A", org, 600_000L));
    Published paid = await().atMost(WAIT).until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org))
        .stream().filter(f -> f.data().at("/rule/name").asString().equals("paid-while-listed-or-held")).toList(),
        l -> !l.isEmpty()).get(0);
    assertValid(paid, "flag-raised");
    assertThat(paid.data().get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(paid.data().at("/evidence/0/eventId").asString()).isEqualTo(release);
    assertThat(paid.data().at("/evidence/0/values/disbursementId").asString()).isEqualTo(disbursement);
    assertThat(paid.data().at("/evidence/0/values/holdIds").asString()).isEqualTo(orgHold.data().get("holdId").asString());
    assertThat(paid.data().at("/evidence/0/description").asString()).contains(disbursement);

    JsonNode after = record(org);
    assertThat(after.get("holds")).hasSize(1);
    assertThat(after.get("flags")).hasSize(2);
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org))).hasSize(1);
  }

  /** A valid national ID (GB 11643 check character), new on every call. */
  static String nationalId() {
    java.util.Random random = new java.util.Random();
    String body = "120112" + (1960 + random.nextInt(40)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
        1 + random.nextInt(28), random.nextInt(1000));
    return org.fundflow.platform.national.NationalId.withCheckCharacter(body);
  }

  static String created(String id, String program, String org, long amount) {
    Map<String, Object> m = new HashMap<>();
    m.put("disbursementId", id);
    m.put("trigger", Map.of("kind", "ADVANCE", "eventId", UUID.randomUUID().toString(), "reference", id));
    m.put("programId", program);
    m.put("projectId", id.replace("adv-", ""));
    m.put("organisationCode", org);
    m.put("amountFen", amount);
    m.put("explanation", "advance 60 %");
    m.put("createdAt", Instant.now().toString());
    return json(m);
  }

  JsonNode importList(String csv) {
    return web.post().uri("/dishonesty-list/imports").headers(h -> h.setBearerAuth(officer()))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  static final String DILIGENCE_ASSESSED = "fundflow.milestone.diligence-assessed.v1";

  /** The program manager's assessment of a termination (尽职免责): diligent or not, no misconduct. */
  static String assessed(String project, String program, String org, boolean diligent) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("projectId", project);
    m.put("programId", program);
    m.put("organisationCode", org);
    m.put("terminating", true);
    m.put("diligent", diligent);
    m.put("misconduct", false);
    m.put("explanation", diligent ? "团队勤勉尽责，失败源于技术风险" : "团队未按计划履职");
    m.put("evidenceRefs", List.of());
    m.put("assessedBy", "pm-zhao");
    m.put("assessedAt", Instant.now().toString());
    return json(m);
  }

  /** 尽职免责: a terminated project awaits its assessment without a flag; diligent: exempted, never flagged. */
  @Test
  void aDiligentFailureRaisesNoFlagAndIsRecordedAsExempted_aFailureWithoutDiligenceIsFlagged() {
    String org = "521201126KXLELYT33";
    kafka.send(PROJECTS, "prj-ok-1", "fundflow.milestone.project-terminated.v1", json(Map.of("projectId", "prj-ok-1",
        "programId", "prg-A", "organisationCode", org, "reason", "final milestone FAILED", "terminatedAt",
        Instant.now().toString())));
    await().atMost(WAIT).until(() -> record(org).get("projectFailures").size() == 1);
    assertThat(record(org).at("/projectFailures/0/status").asString()).isEqualTo("AWAITING_ASSESSMENT");
    assertThat(record(org).get("flags")).isEmpty();
    kafka.send(PROJECTS, "prj-ok-1", DILIGENCE_ASSESSED, assessed("prj-ok-1", "prg-A", org, true));
    await().atMost(WAIT).until(() -> "EXEMPTED".equals(record(org).at("/projectFailures/0/status").asString()));
    assertThat(record(org).at("/projectFailures/0/diligence/explanation").asString()).contains("勤勉尽责");

    kafka.send(PROJECTS, "prj-ok-2", "fundflow.milestone.project-terminated.v1", json(Map.of("projectId", "prj-ok-2",
        "programId", "prg-A", "organisationCode", org, "reason", "final milestone FAILED", "terminatedAt",
        Instant.now().toString())));
    kafka.send(PROJECTS, "prj-ok-2", DILIGENCE_ASSESSED, assessed("prj-ok-2", "prg-A", org, false));
    Published flag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org));
    assertValid(flag, "flag-raised");
    assertThat(flag.data().at("/evidence/0/values/projectId").asString()).isEqualTo("prj-ok-2");
    assertThat(flag.data().at("/rule/version").asInt()).isEqualTo(2);
    assertThat(record(org).get("flags")).hasSize(1);
    assertThat(record(org).get("projectFailures")).extracting(f -> f.get("status").asString())
        .containsExactlyInAnyOrder("EXEMPTED", "FLAGGED");
  }

  @Test
  void aCaseGoesOpenInvestigatingConfirmedWithAHoldThatAnOfficerLifts_illegalStepsAre409() {
    String org = "12310115AMBRCN372R";
    kafka.send(PROJECTS, "prj-term-1", "fundflow.milestone.project-terminated.v1", json(Map.of(
        "projectId", "prj-term-1", "programId", "prg-A", "organisationCode", org,
        "reason", "final milestone FAILED: mean score 52.40 < 60", "terminatedAt", Instant.now().toString())));
    kafka.send(PROJECTS, "prj-term-1", DILIGENCE_ASSESSED, assessed("prj-term-1", "prg-A", org, false));
    Published flag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org));
    assertValid(flag, "flag-raised");
    assertThat(flag.data().at("/rule/name").asString()).isEqualTo("failed-or-terminated-project");
    String flagId = flag.data().get("flagId").asString();

    JsonNode opened = web.post().uri("/cases").headers(h -> h.setBearerAuth(officer()))
        .bodyValue(Map.of("flagIds", List.of(flagId), "note", "terminated project, check spending"))
        .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    String caseId = opened.get("caseId").asString();
    assertThat(opened.get("status").asString()).isEqualTo("OPEN");

    web.post().uri("/cases/{id}/decision", caseId).headers(h -> h.setBearerAuth(officer()))
        .bodyValue(Map.of("decision", "CONFIRMED", "reason", "too early")).exchange()
        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/illegal-case-transition");

    step("/cases/{id}/investigation", caseId, Map.of("note", "audit firm engaged"), "INVESTIGATING");
    step("/cases/{id}/notes", caseId, Map.of("note", "audit shows 1.2 M CNY unexplained",
        "evidenceRefs", List.of("audit-2026-117.pdf")), "INVESTIGATING");
    // issue 15: a case evidence file (the decision's event names it, metadata only)
    EntityExchangeResult<String> upload = BadUploads.exchange(web, HttpMethod.POST, "/cases/" + caseId + "/evidence",
        officer(), BadUploads.filePart("审计报告-2026-117.pdf", BadUploads.SMALL_PDF));
    assertThat(upload.getStatus().value()).as(upload.getResponseBody()).isEqualTo(201);
    JsonNode evidence = IntegrityKafka.JSON.readTree(upload.getResponseBody());
    String etag = web.get().uri("/cases/{id}", caseId).headers(h -> h.setBearerAuth(officer())).exchange()
        .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
    assertThat(etag).isEqualTo("\"3\"");
    Map<String, Object> decision = Map.of("decision", "CONFIRMED", "reason", "funds diverted to unrelated production",
        "placeHold", true, "holdYears", 2);
    web.post().uri("/cases/{id}/decision", caseId).headers(h -> {
          h.setBearerAuth(officer());
          h.setIfMatch("\"2\"");
        }).bodyValue(decision).exchange()
        .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/stale-revision");
    JsonNode confirmed = web.post().uri("/cases/{id}/decision", caseId).headers(h -> {
          h.setBearerAuth(officer());
          h.setIfMatch(etag);
        }).bodyValue(decision).exchange()
        .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"5\"")
        .expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(confirmed.get("steps")).hasSize(5);
    assertThat(confirmed.at("/steps/3/by").asString()).isEqualTo("officer-li");
    assertThat(confirmed.at("/steps/3/at").asString()).isNotBlank();
    String holdId = confirmed.at("/holdIds/0").asString();

    Published decided = awaitOne(IntegrityKafka.of("fundflow.integrity.case-decided.v1", org));
    assertValid(decided, "case-decided");
    assertThat(decided.data().get("decision").asString()).isEqualTo("CONFIRMED");
    assertThat(decided.data().get("flagIds").get(0).asString()).isEqualTo(flagId);
    JsonNode file = decided.data().at("/evidenceFiles/0");
    assertThat(decided.data().get("evidenceFiles")).hasSize(1);
    assertThat(file.get("fileId").asString()).isEqualTo(evidence.get("fileId").asString());
    assertThat(file.get("name").asString()).isEqualTo("审计报告-2026-117.pdf");
    assertThat(file.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(BadUploads.SMALL_PDF.length);
    assertThat(file.get("sha256").asString()).isEqualTo(evidence.get("sha256").asString()).hasSize(64);
    assertThat(file.get("uploadedBy").asString()).isEqualTo("officer-li");
    assertThat(decided.json()).doesNotContain("%PDF");
    Published placed = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org));
    assertValid(placed, "hold-placed");
    assertThat(placed.data().get("caseId").asString()).isEqualTo(caseId);
    assertThat(Duration.between(Instant.parse(placed.data().get("startsAt").asString()),
        Instant.parse(placed.data().get("endsAt").asString())).toDays()).isBetween(729L, 731L);

    // issue 14 point 4: the organisation's applicant reads the hold in force (end, what it blocks; not the reason)
    String applicant = TestJwts.token("app-li", List.of("APPLICANT"), org);
    JsonNode own = web.get().uri("/organisations/{code}/holds", org).headers(h -> h.setBearerAuth(applicant)).exchange()
        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(own.get("onHold").asBoolean()).isTrue();
    assertThat(own.get("holds")).hasSize(1);
    assertThat(own.at("/holds/0/holdId").asString()).isEqualTo(holdId);
    // the store keeps milliseconds, the event the full instant
    assertThat(Instant.parse(own.at("/holds/0/endsAt").asString())).isEqualTo(
        Instant.parse(placed.data().get("endsAt").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(own.at("/holds/0/blocks").toString()).isEqualTo("[\"SUBMISSIONS\",\"PAYMENTS\"]");
    assertThat(own.toString()).doesNotContain("funds diverted").doesNotContain(caseId);
    web.get().uri("/organisations/{code}/holds", org)
        .headers(h -> h.setBearerAuth(TestJwts.token("app-other", List.of("APPLICANT"), "91120112MNH91HTMX6")))
        .exchange().expectStatus().isNotFound();

    web.post().uri("/holds/{id}/lift", holdId).headers(h -> h.setBearerAuth(officer()))
        .bodyValue(Map.of("reason", "rectification accepted by the bureau")).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("LIFTED");
    Published lifted = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", org));
    assertValid(lifted, "hold-lifted");
    assertThat(lifted.data().get("reason").asString()).isEqualTo("LIFTED_BY_OFFICER");
    assertThat(lifted.data().get("liftedBy").asString()).isEqualTo("officer-li");
    web.get().uri("/organisations/{code}/holds", org).headers(h -> h.setBearerAuth(applicant)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.onHold").isEqualTo(false).jsonPath("$.holds.length()").isEqualTo(0);

    web.post().uri("/holds/{id}/lift", holdId).headers(h -> h.setBearerAuth(officer()))
        .bodyValue(Map.of("reason", "again")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    web.get().uri("/cases/{id}", "case-unknown").headers(h -> h.setBearerAuth(auditor())).exchange()
        .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    web.get().uri("/cases/{id}", caseId).headers(h -> h.setBearerAuth(auditor())).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
  }

  @Test
  void anExpertScoringItsOwnOrganisationIsFlagged_aDismissedCaseLiftsItsInterimHold() {
    String expertHash = hex();
    String applicant = "92120116CDJLBNT814";
    kafka.send(PROJECTS, "prj-coi", "fundflow.milestone.expert-evaluation-submitted.v1",
        evaluation("prj-coi", "usr-expert-zhao", expertHash, "91120000225WJEN76U", applicant,
            List.of("91120000225WJEN76U")));
    Published flag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", expertHash));
    assertValid(flag, "flag-raised");
    assertThat(flag.data().at("/rule/name").asString()).isEqualTo("conflict-of-interest");
    assertThat(flag.data().at("/subject/type").asString()).isEqualTo("PERSON");
    assertThat(flag.data().at("/evidence/0/description").asString()).contains("organisation of a team member");

    String key = UUID.randomUUID().toString();
    Map<String, Object> open = Map.of("flagIds", List.of(flag.data().get("flagId").asString()));
    String caseId = web.post().uri("/cases").headers(h -> {
          h.setBearerAuth(officer());
          h.set("Idempotency-Key", key);
        }).bodyValue(open).exchange()
        .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asString();
    // a retry with the same key gets the same case; the key with other flags is refused
    web.post().uri("/cases").headers(h -> {
          h.setBearerAuth(officer());
          h.set("Idempotency-Key", key);
        }).bodyValue(open).exchange()
        .expectStatus().isCreated().expectBody().jsonPath("$.caseId").isEqualTo(caseId);
    web.post().uri("/cases").headers(h -> {
          h.setBearerAuth(officer());
          h.set("Idempotency-Key", key);
        }).bodyValue(Map.of("flagIds", List.of("flag-other"))).exchange()
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    step("/cases/{id}/investigation", caseId, Map.of(), "INVESTIGATING");
    step("/cases/{id}/interim-holds", caseId, Map.of("reason", "precaution while investigated", "years", 1),
        "INVESTIGATING");
    awaitOne(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", expertHash));
    step("/cases/{id}/decision", caseId, Map.of("decision", "DISMISSED",
        "reason", "the expert left that organisation before the review"), "DISMISSED");

    Published lifted = awaitOne(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", expertHash));
    assertValid(lifted, "hold-lifted");
    assertThat(lifted.data().get("reason").asString()).isEqualTo("CASE_DISMISSED");
    Published decided = awaitOne(IntegrityKafka.of("fundflow.integrity.case-decided.v1", expertHash));
    assertThat(decided.data().get("decision").asString()).isEqualTo("DISMISSED");
  }

  @Test
  void expenditureAnomalies_aJumpFarAboveTheOrganisationsHistory_andReleasesAboveTheCapAcrossPrograms() {
    String org = "11120112DAJ3PW352L";
    kafka.send(CLAIMS, org, "fundflow.subsidy.expenditure-claim-submitted.v1", claim("clm-24-" + org, org, 2024, 12_000_000_00L, 11_000_000_00L));
    kafka.send(CLAIMS, org, "fundflow.subsidy.expenditure-claim-submitted.v1", claim("clm-25-" + org, org, 2025, 13_200_000_00L, 12_000_000_00L));
    kafka.send(CLAIMS, org, "fundflow.subsidy.expenditure-claim-submitted.v1", claim("clm-26-" + org, org, 2026, 21_000_000_00L, 13_200_000_00L));
    Published flag = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org));
    assertValid(flag, "flag-raised");
    assertThat(flag.data().at("/rule/name").asString()).isEqualTo("expenditure-anomaly");
    assertThat(flag.data().at("/evidence/0/values/claimId").asString()).isEqualTo("clm-26-" + org);
    assertThat(flag.data().at("/evidence/0/description").asString()).contains("x the mean increase");

    String other = "52120116RB64230A2N";
    kafka.send(DISBURSEMENTS, "prj-1", "fundflow.subsidy.disbursement-released.v1", released("dsb-1-" + other, "prg-A", other, 6_000_000L));
    String over = kafka.send(DISBURSEMENTS, "prj-2", "fundflow.subsidy.disbursement-released.v1", released("dsb-2-" + other, "prg-B", other, 6_000_000L));
    Published cap = awaitOne(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", other));
    assertValid(cap, "flag-raised");
    assertThat(cap.data().at("/evidence/0/values/releasedTotalFen").asLong()).isEqualTo(12_000_000L);
    assertThat(cap.data().at("/evidence/0/eventId").asString()).isEqualTo(over);
  }

  @Test
  void theSameEventDeliveredTwiceRaisesOneFlag_andAMalformedEventGoesToTheDeadLetterTopicWithTheReason() {
    String org = "921101084KTNFX93X8";
    String key = "prj-redelivered";
    String once = json(Map.of("projectId", "prj-d1", "programId", "prg-A", "organisationCode", org,
        "reason", "two FAILED reviews of milestone 2", "terminatedAt", Instant.now().toString()));
    kafka.send(PROJECTS, key, "fundflow.milestone.project-terminated.v1", once);
    String assessedOnce = assessed("prj-d1", "prg-A", org, false);
    String id = kafka.send(PROJECTS, key, DILIGENCE_ASSESSED, assessedOnce);
    kafka.send(PROJECTS, key, DILIGENCE_ASSESSED, assessedOnce, id);
    kafka.send(PROJECTS, key, DILIGENCE_ASSESSED, assessedOnce); // the same assessment again, another event id
    String malformed = kafka.send(PROJECTS, key, "fundflow.milestone.project-terminated.v1",
        json(Map.of("projectId", "prj-d3", "programId", "prg-A", "reason", "x", "terminatedAt", Instant.now().toString())));
    // a later event on the same key: once it is flagged, the redelivery and the malformed one were consumed before it
    kafka.send(PROJECTS, key, "fundflow.milestone.project-terminated.v1", json(Map.of("projectId", "prj-d2",
        "programId", "prg-B", "organisationCode", org, "reason", "final milestone FAILED", "terminatedAt",
        Instant.now().toString())));
    kafka.send(PROJECTS, key, DILIGENCE_ASSESSED, assessed("prj-d2", "prg-B", org, false));

    await().atMost(WAIT).until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org)).size() >= 2);
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.flag-raised.v1", org)))
        .extracting(p -> p.data().at("/evidence/0/values/projectId").asString())
        .containsExactly("prj-d1", "prj-d2");
    assertThat(record(org).get("flags")).hasSize(2);
    assertThat(IntegrityKafka.deadLetterReason("integrity-check.dlq", malformed, WAIT)).contains("organisationCode");
  }

  // ------------------------------------------------------------------ HTTP edges

  @Test
  void denyByDefault_rolesAreChecked_andHealthReadinessAndApiDocsAreOpen() {
    web.get().uri("/integrity-records/organisations/{c}", "91120112MNH91HTMX6").exchange()
        .expectStatus().isUnauthorized();
    web.get().uri("/integrity-records/organisations/{c}", "91120112MNH91HTMX6")
        .headers(h -> h.setBearerAuth(TestJwts.token("alice", List.of("APPLICANT"), "91120112MNH91HTMX6"))).exchange()
        .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    web.post().uri("/dishonesty-list/imports").headers(h -> h.setBearerAuth(auditor()))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue("x").exchange().expectStatus().isForbidden();
    web.get().uri("/integrity-records/organisations/{c}", "91120112MNH91HTMX7").headers(h -> h.setBearerAuth(auditor()))
        .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    web.post().uri("/cases").headers(h -> h.setBearerAuth(officer())).bodyValue(Map.of("flagIds", List.of()))
        .exchange().expectStatus().isBadRequest();
    web.post().uri("/cases").headers(h -> h.setBearerAuth(officer())).bodyValue(Map.of("flagIds", List.of("flag-none")))
        .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/cases/{caseId}/decision']").exists();
    web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
  }

  // ------------------------------------------------------------------ helpers

  JsonNode step(String uri, String caseId, Map<String, ?> body, String expectedStatus) {
    JsonNode result = web.post().uri(uri, caseId).headers(h -> h.setBearerAuth(officer())).bodyValue(body).exchange()
        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(result.get("status").asString()).isEqualTo(expectedStatus);
    return result;
  }

  JsonNode record(String org) {
    return web.get().uri("/integrity-records/organisations/{c}", org).headers(h -> h.setBearerAuth(auditor()))
        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  static Published awaitOne(java.util.function.Predicate<Published> filter) {
    return await().atMost(WAIT).until(() -> kafka.find(filter), l -> !l.isEmpty()).get(0);
  }

  static void assertValid(Published p, String event) {
    assertThat(Schemas.validate("integrity-check", event, p.json())).as(p.json()).isEmpty();
  }

  static String officer() {
    return TestJwts.token("officer-li", "INTEGRITY_OFFICER");
  }

  static String auditor() {
    return TestJwts.token("auditor-zhou", "AUDITOR");
  }

  static String hex() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  static String json(Object value) {
    return IntegrityKafka.JSON.writeValueAsString(value);
  }

  static String proposal(String id, String program, String org, String piHash, JsonNode text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proposalId", id);
    m.put("programId", program);
    m.put("programKind", "GENERAL");
    m.put("organisationCode", org);
    m.put("organisationName", "Organisation " + org);
    m.put("title", text.get("title").asString());
    m.put("abstract", text.get("abstract").asString());
    m.put("keywords", List.of());
    m.put("requestedAmountFen", 50_000_000L);
    m.put("principalInvestigator", Map.of("personIdHash", piHash, "maskedId", "1201**********5929", "name", "王海燕",
        "organisationCode", org));
    m.put("team", List.of());
    m.put("pledge", Map.of("textVersion", "jn-integrity-pledge-2026.1", "acceptedAt", Instant.now().toString()));
    m.put("submittedAt", Instant.now().toString());
    return json(m);
  }

  static String evaluation(String project, String expertId, String expertHash, String expertOrg, String applicant,
      List<String> teamOrgs) {
    Map<String, Object> m = new HashMap<>();
    m.put("projectId", project);
    m.put("programId", "prg-A");
    m.put("milestoneId", project + "-m1");
    m.put("reportId", "rpt-" + project + "-m1-1");
    m.put("expertId", expertId);
    m.put("expertPersonIdHash", expertHash);
    m.put("expertOrganisationCode", expertOrg);
    m.put("applicantOrganisationCode", applicant);
    m.put("teamOrganisationCodes", teamOrgs);
    m.put("scores", Map.of("deliverables", 36, "technicalQuality", 26, "budgetExecution", 17, "management", 9));
    m.put("total", 88);
    m.put("recommendation", "PASSED");
    m.put("submittedAt", Instant.now().toString());
    return json(m);
  }

  static String claim(String id, String org, int year, long thisYear, long lastYear) {
    return json(Map.of("claimId", id, "programId", "prg-ps", "organisationCode", org, "organisationName", "x",
        "fiscalYear", year, "expenditureThisYearFen", thisYear, "expenditureLastYearFen", lastYear,
        "auditReportReference", "audit-" + id, "submittedAt", Instant.now().toString()));
  }

  static String released(String id, String program, String org, long amount) {
    Map<String, Object> m = new HashMap<>();
    m.put("disbursementId", id);
    m.put("programId", program);
    m.put("organisationCode", org);
    m.put("amountFen", amount);
    m.put("payee", Map.of("name", "x", "bank", "y", "accountNumberMasked", "****1234"));
    m.put("paymentReference", "pay-" + id);
    m.put("preparedBy", "fo-1");
    m.put("releasedBy", "fa-1");
    m.put("releasedAt", Instant.now().toString());
    return json(m);
  }
}
