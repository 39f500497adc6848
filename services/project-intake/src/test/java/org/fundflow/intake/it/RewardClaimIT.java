package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reward claims (奖励类, issue 18 point 3) over HTTP against the real embedded broker and store: the table's amount,
 * evidence and pledge, verification by the manager, once per organisation and achievement (also under concurrency),
 * the events on {@code intake.proposal-events} valid against shared-schemas.
 */
class RewardClaimIT extends IntakeIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.data.mongodb.core.ReactiveMongoTemplate template;
  /** Valid codes (GB 32100 check character computed) that no other test class uses. */
  static final String ORG = "9112011653MEA76YFJ";
  static final String OTHER = "91120116LF5F9EW86A";

  @org.junit.jupiter.api.BeforeEach
  void slowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(120)).build(); // the first call on a loaded machine
  }

  /** A fresh achievement code per test: a claim is once per organisation and achievement across programs. */
  static String code(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  static Map<String, Object> rewardProgram(List<Map<String, Object>> table) {
    Instant now = Instant.now();
    Map<String, Object> body = programBody("REWARD", 1_000_000_000, 50_000_000, now.minus(1, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS));
    body.put("rewardTable", Map.of("entries", table));
    return body;
  }

  static Map<String, Object> entry(String code, String name, long fen) {
    return Map.of("code", code, "name", name, "amountFen", fen);
  }

  String openReward(List<Map<String, Object>> table) {
    String id = (String) json(post(manager(), "/programs", rewardProgram(table)), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.OK);
    return id;
  }

  WebTestClient.ResponseSpec attach(String org, String claimId) {
    return web.post().uri("/reward-claims/" + claimId + "/files").headers(h -> h.setBearerAuth(applicant(org)))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(BadUploads.filePart("高新技术企业证书.pdf", BadUploads.SMALL_PDF))).exchange();
  }

  WebTestClient.ResponseSpec submitClaim(String org, String claimId, String key, Object body) {
    return web.post().uri("/reward-claims/" + claimId + "/submit").headers(h -> {
      h.setBearerAuth(applicant(org));
      h.set("Idempotency-Key", key);
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  String submittedClaim(String program, String org, String code) {
    String id = (String) json(post(applicant(org), "/reward-claims", Map.of("programId", program, "achievementCode", code)),
        HttpStatus.CREATED).get("id");
    json(attach(org, id), HttpStatus.CREATED);
    json(submitClaim(org, id, "k-" + id, pledge()), HttpStatus.OK);
    return id;
  }

  @Test
  void aRewardProgramNeedsItsTable_andTakesNoProposals() {
    Map<String, Object> noTable = rewardProgram(List.of());
    noTable.remove("rewardTable");
    assertProblem(json(post(manager(), "/programs", noTable), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-reward-table");
    String dup = code("DUP");
    assertProblem(json(post(manager(), "/programs", rewardProgram(List.of(entry(dup, "a", 1), entry(dup, "b", 2)))),
        HttpStatus.UNPROCESSABLE_CONTENT), "invalid-reward-table");
    Map<String, Object> general = programBody("GENERAL", 100_000_000, 10_000_000, Instant.now(),
        Instant.now().plus(9, ChronoUnit.DAYS));
    general.put("rewardTable", Map.of("entries", List.of(entry(code("X"), "x", 1))));
    assertProblem(json(post(manager(), "/programs", general), HttpStatus.UNPROCESSABLE_CONTENT), "invalid-reward-table");

    String program = openReward(List.of(entry(code("HT"), "国家高新技术企业认定", 20_000_000)));
    Map<String, Object> read = json(get(applicant(ORG), "/programs/" + program), HttpStatus.OK);
    assertThat(read.get("kind")).isEqualTo("REWARD");
    assertThat(read.toString()).contains("国家高新技术企业认定").contains("20000000");
    assertProblem(json(post(applicant(ORG), "/proposals", proposalBody(program, ORG, 1_000_000, PEOPLE.get(0))),
        HttpStatus.UNPROCESSABLE_CONTENT), "no-proposals-in-reward-program");
  }

  @Test
  void theEnterpriseClaimsWithEvidenceAndPledge_theManagerVerifies_andTheAmountIsTheTablesToTheFen() {
    String ht = code("HT");
    String lab = code("LAB");
    String program = openReward(List.of(entry(ht, "国家高新技术企业认定", 20_000_001), entry(lab, "市级重点实验室", 30_000_000)));

    // the applicant's amount is never read: the table's is taken
    Map<String, Object> body = new LinkedHashMap<>(Map.of("programId", program, "achievementCode", ht,
        "amountFen", 999_999_999, "status", "VERIFIED"));
    Map<String, Object> draft = json(post(applicant(ORG), "/reward-claims", body), HttpStatus.CREATED);
    String id = (String) draft.get("id");
    assertThat(id).isEqualTo("rwc-" + ORG + "-" + ht);
    assertThat(draft.get("status")).isEqualTo("DRAFT");
    assertThat(((Number) draft.get("amountFen")).longValue()).isEqualTo(20_000_001L);
    assertThat(draft.get("achievementName")).isEqualTo("国家高新技术企业认定");
    // the same draft again: 200, the same claim
    assertThat(json(post(applicant(ORG), "/reward-claims", Map.of("programId", program, "achievementCode", ht)),
        HttpStatus.OK).get("id")).isEqualTo(id);
    // an achievement the table does not list
    assertProblem(json(post(applicant(ORG), "/reward-claims", Map.of("programId", program, "achievementCode", "NOT_LISTED")),
        HttpStatus.UNPROCESSABLE_CONTENT), "unknown-achievement");

    // no evidence yet, no pledge: refused, nothing changes
    assertProblem(json(submitClaim(ORG, id, "k1", pledge()), HttpStatus.UNPROCESSABLE_CONTENT), "evidence-required");
    json(attach(ORG, id), HttpStatus.CREATED);
    assertProblem(json(submitClaim(ORG, id, "k2", Map.of("pledge", Map.of("accepted", false, "textVersion", "JN"))),
        HttpStatus.UNPROCESSABLE_CONTENT), "pledge-required");
    Map<String, Object> submitted = json(submitClaim(ORG, id, "k3", pledge()), HttpStatus.OK);
    assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
    assertThat(submitted.get("pledgeTextVersion")).isEqualTo("JN-2026-01");
    // the same key and body: the same answer; evidence cannot change any more
    assertThat(json(submitClaim(ORG, id, "k3", pledge()), HttpStatus.OK).get("status")).isEqualTo("SUBMITTED");
    assertProblem(json(attach(ORG, id), HttpStatus.CONFLICT), "illegal-transition");

    // the manager's queue lists it; verify
    Map<String, Object> queue = json(get(manager(), "/reward-claims?status=SUBMITTED&programId=" + program), HttpStatus.OK);
    assertThat(queue.toString()).contains(id);
    Map<String, Object> verified = json(post(manager(), "/reward-claims/" + id + "/decision",
        Map.of("outcome", "VERIFIED")), HttpStatus.OK);
    assertThat(verified.get("status")).isEqualTo("VERIFIED");
    assertThat(verified.get("decidedBy")).isEqualTo("pm-li");
    assertProblem(json(post(manager(), "/reward-claims/" + id + "/decision", Map.of("outcome", "VERIFIED")),
        HttpStatus.CONFLICT), "illegal-transition");

    // the second achievement rejected with its reason; without one it is refused
    String labClaim = submittedClaim(program, ORG, lab);
    assertProblem(json(post(manager(), "/reward-claims/" + labClaim + "/decision", Map.of("outcome", "REJECTED")),
        HttpStatus.UNPROCESSABLE_CONTENT), "reason-required");
    Map<String, Object> rejected = json(post(manager(), "/reward-claims/" + labClaim + "/decision",
        Map.of("outcome", "REJECTED", "reason", "证书不在认定年度内")), HttpStatus.OK);
    assertThat(rejected.get("rejectionReason")).isEqualTo("证书不在认定年度内");

    // the events: submitted, verified (with the table amount and the evidence), rejected; all valid
    Map<String, JsonNode> seen = events(id, labClaim);
    JsonNode verifiedEvent = seen.get(id + " fundflow.intake.reward-claim-verified.v1");
    assertThat(verifiedEvent.get("amountFen").asLong()).isEqualTo(20_000_001L);
    assertThat(verifiedEvent.get("organisationCode").asString()).isEqualTo(ORG);
    assertThat(verifiedEvent.get("evidenceFiles").get(0).get("name").asString()).isEqualTo("高新技术企业证书.pdf");
    assertThat(seen).containsKey(id + " fundflow.intake.reward-claim-submitted.v1")
        .containsKey(labClaim + " fundflow.intake.reward-claim-rejected.v1");
  }

  @Test
  void onceperOrganisationAndAchievement_whateverIsResubmitted_alsoInAnotherProgramAndUnderConcurrency() throws Exception {
    String gazelle = code("GAZELLE");
    String program = openReward(List.of(entry(gazelle, "瞪羚企业", 10_000_000)));
    String other = openReward(List.of(entry(gazelle, "瞪羚企业", 12_000_000)));

    // 8 drafts at once: one creates (201), the others get the same draft (200)
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.runAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        statuses.add(post(applicant(ORG), "/reward-claims", Map.of("programId", program, "achievementCode", gazelle))
            .returnResult(String.class).getStatus().value());
      }));
    }
    start.countDown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
    String id = "rwc-" + ORG + "-" + gazelle;
    json(attach(ORG, id), HttpStatus.CREATED);

    // two submissions with different keys at once: one wins
    List<Integer> submits = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> submits.add(submitClaim(ORG, id, "a", pledge()).returnResult(String.class).getStatus().value())),
        CompletableFuture.runAsync(() -> submits.add(submitClaim(ORG, id, "b", pledge()).returnResult(String.class).getStatus().value())))
        .get();
    assertThat(submits).containsExactlyInAnyOrder(200, 409);

    // the same organisation and achievement again: in this program, in another, after a rejection: 409
    assertProblem(json(post(applicant(ORG), "/reward-claims", Map.of("programId", program, "achievementCode", gazelle)),
        HttpStatus.CONFLICT), "reward-claim-exists");
    assertProblem(json(post(applicant(ORG), "/reward-claims", Map.of("programId", other, "achievementCode", gazelle)),
        HttpStatus.CONFLICT), "reward-claim-exists");
    // two managers verify at once: one decision stands
    List<Integer> decisions = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> decisions.add(post(manager(), "/reward-claims/" + id + "/decision",
            Map.of("outcome", "VERIFIED")).returnResult(String.class).getStatus().value())),
        CompletableFuture.runAsync(() -> decisions.add(post(TestJwts.token("pm-zhao", List.of("PROGRAM_MANAGER"), null),
            "/reward-claims/" + id + "/decision", Map.of("outcome", "REJECTED", "reason", "重复"))
            .returnResult(String.class).getStatus().value())))
        .get();
    assertThat(decisions).containsExactlyInAnyOrder(200, 409);
    // another organisation claims the same achievement for itself: its own claim
    assertThat(json(post(applicant(OTHER), "/reward-claims", Map.of("programId", program, "achievementCode", gazelle)),
        HttpStatus.CREATED).get("id")).isEqualTo("rwc-" + OTHER + "-" + gazelle);
  }

  @Test
  void anApplicantSeesOnlyItsOwnClaims_andNeverDecidesOne_norDoesAManagerOfTheClaimantOrganisation() {
    String leading = code("LEADING");
    String program = openReward(List.of(entry(leading, "科技领军企业", 50_000_000)));
    String id = submittedClaim(program, ORG, leading);

    assertProblem(json(get(applicant(OTHER), "/reward-claims/" + id), HttpStatus.NOT_FOUND), "not-found");
    assertProblem(json(get(applicant(OTHER), "/reward-claims/" + id + "/files"), HttpStatus.NOT_FOUND), "not-found");
    assertThat(json(get(applicant(OTHER), "/reward-claims?organisationCode=" + ORG), HttpStatus.OK).toString())
        .doesNotContain(id);
    assertThat(json(get(applicant(ORG), "/reward-claims"), HttpStatus.OK).toString()).contains(id);
    assertThat(json(get(auditor(), "/reward-claims/" + id), HttpStatus.OK).get("status")).isEqualTo("SUBMITTED");

    json(post(applicant(ORG), "/reward-claims/" + id + "/decision", Map.of("outcome", "VERIFIED")), HttpStatus.FORBIDDEN);
    json(post(auditor(), "/reward-claims/" + id + "/decision", Map.of("outcome", "VERIFIED")), HttpStatus.FORBIDDEN);
    String managerOfClaimant = TestJwts.token("pm-of-" + ORG, List.of("PROGRAM_MANAGER", "APPLICANT"), ORG);
    assertProblem(json(post(managerOfClaimant, "/reward-claims/" + id + "/decision", Map.of("outcome", "VERIFIED")),
        HttpStatus.FORBIDDEN), "forbidden");
    assertThat(json(get(manager(), "/reward-claims/" + id), HttpStatus.OK).get("status")).isEqualTo("SUBMITTED");
  }

  @Test
  void aHeldOrganisationCannotSubmitAClaim() throws Exception {
    String org = "911201168WN3AGMQR1";
    String key = code("KEYLAB");
    String program = openReward(List.of(entry(key, "市级重点实验室", 30_000_000)));
    String id = (String) json(post(applicant(org), "/reward-claims", Map.of("programId", program, "achievementCode", key)),
        HttpStatus.CREATED).get("id");
    json(attach(org, id), HttpStatus.CREATED);
    String holdId = "hld-" + UUID.randomUUID();
    publish("integrity.events", org, IntegrityHoldIT.PLACED,
        IntegrityHoldIT.placed(holdId, "ORGANISATION", org, Instant.now().plus(365, ChronoUnit.DAYS)));
    // once intake has stored the hold (a submission before that would go through: the hold is not known yet)
    await().atMost(Duration.ofSeconds(60)).until(() -> template.findById(holdId, Document.class, "holds")
        .blockOptional().isPresent());
    assertProblem(json(submitClaim(org, id, "h-held", pledge()), HttpStatus.UNPROCESSABLE_CONTENT), "integrity-hold");
    publish("integrity.events", org, IntegrityHoldIT.LIFTED, IntegrityHoldIT.lifted(holdId, "ORGANISATION", org));
    await().atMost(Duration.ofSeconds(60)).until(() -> template.findById(holdId, Document.class, "holds")
        .blockOptional().map(d -> Boolean.TRUE.equals(d.get("lifted"))).orElse(false));
    assertThat(json(submitClaim(org, id, "h-after", pledge()), HttpStatus.OK).get("status")).isEqualTo("SUBMITTED");
  }

  /** The reward-claim events of these claims, by "claimId type", each validated against its schema. */
  Map<String, JsonNode> events(String... claimIds) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    List<String> wanted = List.of(claimIds);
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if (!wanted.contains(r.key())) {
            continue;
          }
          String type = header(r, "ce_type");
          String json = new String(r.value(), StandardCharsets.UTF_8);
          String event = type.split("\\.")[2];
          Schema schema = registry.getSchema(getClass().getResourceAsStream("/schemas/project-intake/" + event + ".v1.schema.json"));
          schema.validate(json, InputFormat.JSON).forEach(e -> failures.add(type + ": " + e));
          if (!("project-intake/" + event + ".v1.schema.json").equals(header(r, "ce_dataschema"))) {
            failures.add(type + ": ce_dataschema " + header(r, "ce_dataschema"));
          }
          seen.put(r.key() + " " + type, JSON.readTree(json));
        }
        return seen.size() >= 4;
      });
    }
    assertThat(failures).isEmpty();
    return seen;
  }
}
