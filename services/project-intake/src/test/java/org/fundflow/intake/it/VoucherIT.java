package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Innovation vouchers (创新券, issue 18 point 1) over HTTP against the real embedded broker and store: providers
 * register, are approved and listed publicly; an eligible enterprise receives vouchers within its annual cap, uses one
 * on a contract with an approved provider, the provider claims settlement and the enterprise confirms delivery, once;
 * the events validate against shared-schemas.
 */
class VoucherIT extends IntakeIT {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  static final Random RANDOM = new Random();
  static final String JINNAN = "120112";

  @Autowired ReactiveMongoTemplate template;
  @Autowired PersonIdHasher hasher;

  /** A longer response timeout than the other ITs: the race tests send several requests at once to a loaded machine. */
  @org.junit.jupiter.api.BeforeEach
  void patientClient() {
    // mutated, so that it keeps IntakeIT's settings (the 4 MB codec limit for the OpenAPI document)
    web = web.mutate().responseTimeout(Duration.ofSeconds(120)).build();
  }

  /** A fresh valid unified social credit code registered in the district (GB 32100 check character computed). */
  static String freshCode(String district) {
    StringBuilder b = new StringBuilder("91").append(district);
    for (int i = 0; i < 9; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(b.charAt(i)) * WEIGHTS[i];
    }
    return b.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
  }

  static String provider(String org) {
    return TestJwts.token("provider-" + org, List.of("SERVICE_PROVIDER"), org);
  }

  // ------------------------------------------------------------------ fixtures

  static Map<String, Object> voucherRule(long face, long annualCap, List<String> categories, String ratio) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("faceValueFen", face);
    rule.put("validityDays", 180);
    rule.put("annualCapPerEnterpriseFen", annualCap);
    rule.put("eligibleCategories", categories);
    rule.put("ratio", new java.math.BigDecimal(ratio));
    rule.put("districtCodes", List.of(JINNAN));
    return rule;
  }

  String voucherProgram(long face, long annualCap, List<String> categories, String ratio) {
    Instant now = Instant.now();
    Map<String, Object> body = programBody("VOUCHER", 500_000_000, face, now.minus(1, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS));
    body.put("voucherRule", voucherRule(face, annualCap, categories, ratio));
    String id = (String) json(post(manager(), "/programs", body), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.OK);
    return id;
  }

  static Map<String, Object> application(String programId) {
    return Map.of("programId", programId, "pledge", Map.of("accepted", true, "textVersion", "JN-CV-2026-01"),
        "smeDeclared", true);
  }

  WebTestClient.ResponseSpec apply(String org, String key, Object body) {
    return web.post().uri("/vouchers").headers(h -> {
      h.setBearerAuth(applicant(org));
      h.set("Idempotency-Key", key);
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  String issued(String programId, String org) {
    return (String) json(apply(org, "k-" + UUID.randomUUID(), application(programId)), HttpStatus.CREATED).get("id");
  }

  /** Registers and approves a provider offering the categories; its id. */
  String approvedProvider(String org, List<String> categories) {
    String id = (String) json(post(provider(org), "/service-providers", Map.of("organisationCode", org,
        "name", "科技服务机构 " + org, "categories", categories, "contact", "服务热线 022-00000000")),
        HttpStatus.CREATED).get("id");
    json(post(manager(), "/service-providers/" + id + "/approve", null), HttpStatus.OK);
    return id;
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.7\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }

  WebTestClient.ResponseSpec upload(String token, String voucherId, byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(bytes)).filename("服务合同.pdf").contentType(MediaType.APPLICATION_PDF);
    return web.post().uri("/vouchers/" + voucherId + "/documents").headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
  }

  String document(String org, String voucherId) {
    return (String) json(upload(applicant(org), voucherId, pdf("contract of " + voucherId)), HttpStatus.CREATED)
        .get("documentId");
  }

  static Map<String, Object> contract(String providerId, String category, long amountFen, String documentId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("providerId", providerId);
    body.put("category", category);
    body.put("amountFen", amountFen);
    body.put("contractNumber", "JNJC-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("documentId", documentId);
    return body;
  }

  // ------------------------------------------------------------------ providers

  @Test
  void givenProviderRegistration_whenApproved_thenListedPubliclyByCategoryWithoutLogin() {
    String org = freshCode("310115");
    String other = freshCode("120116");
    Map<String, Object> registered = json(post(provider(org), "/service-providers", Map.of("organisationCode", org,
        "name", "上海知识产权服务中心", "categories", List.of("IP_SERVICES", "CONSULTING"))), HttpStatus.CREATED);
    assertThat(registered.get("status")).isEqualTo("PENDING");
    String id = (String) registered.get("id");
    assertThat(publicList("IP_SERVICES")).doesNotContain(id);

    // a second registration of the organisation, another organisation's code, an invalid code
    assertProblem(json(post(provider(org), "/service-providers", Map.of("organisationCode", org, "name", "again",
        "categories", List.of("TESTING"))), HttpStatus.CONFLICT), "already-registered");
    assertProblem(json(post(provider(org), "/service-providers", Map.of("organisationCode", other, "name", "not mine",
        "categories", List.of("TESTING"))), HttpStatus.FORBIDDEN), "forbidden");
    String invalid = org.substring(0, 17) + (org.charAt(17) == '0' ? '1' : '0');
    assertProblem(json(post(provider(invalid), "/service-providers", Map.of("organisationCode", invalid,
        "name", "bad code", "categories", List.of("TESTING"))), HttpStatus.UNPROCESSABLE_CONTENT),
        "invalid-organisation-code");

    // only a program manager decides; another provider does not see the registration
    post(provider(org), "/service-providers/" + id + "/approve", null).expectStatus().isForbidden();
    get(provider(other), "/service-providers/" + id).expectStatus().isNotFound();
    assertThat(json(get(provider(org), "/service-providers/" + id), HttpStatus.OK).get("status")).isEqualTo("PENDING");
    assertThat(json(post(manager(), "/service-providers/" + id + "/approve", null), HttpStatus.OK).get("status"))
        .isEqualTo("APPROVED");
    assertProblem(json(post(manager(), "/service-providers/" + id + "/reject", Map.of("reason", "late")),
        HttpStatus.CONFLICT), "illegal-transition");

    assertThat(publicList("IP_SERVICES")).contains(id);
    assertThat(publicList("CONSULTING")).contains(id);
    assertThat(publicList("TESTING")).doesNotContain(id);
    // rejected registrations are never listed
    String rejectedOrg = freshCode("120116");
    String rejected = (String) json(post(provider(rejectedOrg), "/service-providers", Map.of("organisationCode",
        rejectedOrg, "name", "资质不全的机构", "categories", List.of("IP_SERVICES"))), HttpStatus.CREATED).get("id");
    assertThat(json(post(manager(), "/service-providers/" + rejected + "/reject", Map.of("reason", "资质证明缺失")),
        HttpStatus.OK).get("status")).isEqualTo("REJECTED");
    assertThat(publicList("IP_SERVICES")).doesNotContain(rejected);
  }

  @SuppressWarnings("unchecked")
  List<String> publicList(String category) {
    Map<String, Object> page = web.get().uri("/public/service-providers?limit=100&category=" + category).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
      ids.add((String) item.get("id"));
      assertThat(item).doesNotContainKeys("contact", "decisionNote");
    }
    return ids;
  }

  // ------------------------------------------------------------------ the lifecycle

  @Test
  void givenEligibleEnterprise_whenVoucherIssuedContractedClaimedAndConfirmed_thenRedeemedOnce_andEventsValidate()
      throws Exception {
    String enterprise = freshCode(JINNAN);
    String providerOrg = freshCode("120116");
    String providerId = approvedProvider(providerOrg, List.of("TESTING", "RD_DESIGN"));
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING", "RD_DESIGN", "IP_SERVICES"), "0.50");

    Map<String, Object> voucher = json(apply(enterprise, "apply-1-" + enterprise, application(program)),
        HttpStatus.CREATED);
    String id = (String) voucher.get("id");
    assertThat(voucher).containsEntry("status", "ISSUED").containsEntry("faceValueFen", 5_000_000)
        .containsEntry("sequence", 1).containsEntry("expired", false);
    assertThat(voucher.get("ratio")).isEqualTo(0.5);
    assertThat(Instant.parse((String) voucher.get("expiresAt")))
        .isAfter(Instant.now().plus(180, ChronoUnit.DAYS)).isBefore(Instant.now().plus(182, ChronoUnit.DAYS));
    // the same application again: the same voucher; the same key with another body: refused
    assertThat(json(apply(enterprise, "apply-1-" + enterprise, application(program)), HttpStatus.CREATED).get("id"))
        .isEqualTo(id);
    Map<String, Object> otherBody = new HashMap<>(application(program));
    otherBody.put("pledge", Map.of("accepted", true, "textVersion", "JN-CV-2026-02"));
    assertProblem(json(apply(enterprise, "apply-1-" + enterprise, otherBody), HttpStatus.UNPROCESSABLE_CONTENT),
        "idempotency-key-reused");

    String documentId = document(enterprise, id);
    Map<String, Object> contracted = json(post(applicant(enterprise), "/vouchers/" + id + "/contract",
        contract(providerId, "TESTING", 8_000_000, documentId)), HttpStatus.OK);
    assertThat(contracted.get("status")).isEqualTo("CONTRACTED");
    assertThat((Map<String, Object>) contracted.get("contract")).containsEntry("providerOrganisationCode", providerOrg)
        .containsEntry("amountFen", 8_000_000);

    // the enterprise cannot claim settlement (role), the provider cannot confirm delivery (role)
    post(applicant(enterprise), "/vouchers/" + id + "/settlement-claim", null).expectStatus().isForbidden();
    post(provider(providerOrg), "/vouchers/" + id + "/delivery-confirmation", null).expectStatus().isForbidden();
    // delivery is confirmed after the provider's claim, not before
    assertProblem(json(post(applicant(enterprise), "/vouchers/" + id + "/delivery-confirmation", null),
        HttpStatus.CONFLICT), "illegal-transition");
    assertThat(json(post(provider(providerOrg), "/vouchers/" + id + "/settlement-claim", null), HttpStatus.OK)
        .get("status")).isEqualTo("SETTLEMENT_CLAIMED");
    assertThat(json(post(applicant(enterprise), "/vouchers/" + id + "/delivery-confirmation", null), HttpStatus.OK)
        .get("status")).isEqualTo("REDEEMED");
    // at most once
    assertProblem(json(post(applicant(enterprise), "/vouchers/" + id + "/delivery-confirmation", null),
        HttpStatus.CONFLICT), "illegal-transition");
    assertProblem(json(post(provider(providerOrg), "/vouchers/" + id + "/settlement-claim", null),
        HttpStatus.CONFLICT), "illegal-transition");

    Map<String, Map<String, Object>> events = eventsOf(id, 3);
    assertThat(events.keySet()).containsExactlyInAnyOrder("fundflow.intake.voucher-issued.v1",
        "fundflow.intake.voucher-contracted.v1", "fundflow.intake.voucher-redeemed.v1");
    assertThat(events.get("fundflow.intake.voucher-redeemed.v1")).containsEntry("contractAmountFen", 8_000_000)
        .containsEntry("faceValueFen", 5_000_000).containsEntry("ratioBasisPoints", 5000)
        .containsEntry("providerOrganisationCode", providerOrg).containsEntry("organisationCode", enterprise);
    assertThat(eventsOf(providerId, 1)).containsKey("fundflow.intake.service-provider-approved.v1");
  }

  // ------------------------------------------------------------------ the legal representative (issue 18 point 2)

  /**
   * The provider's registration and the enterprise's application name the same legal representative (one with an
   * upper-case X, one with a lower-case x): both are kept and published only as the suite-wide keyed hash, equal on
   * voucher-contracted for integrity-check's related-party rule; the number is in no response, no stored document
   * (outbox included) and no event.
   */
  @Test
  void givenTheSameLegalRepresentative_whenRegisteredAndApplied_thenOnlyTheKeyedHashIsStoredAndPublished()
      throws Exception {
    String number = "11010819841203824X";
    String hash = hasher.hash(number);
    String enterprise = freshCode(JINNAN);
    String providerOrg = freshCode("120116");
    EntityExchangeResult<String> registered = post(provider(providerOrg), "/service-providers",
        Map.of("organisationCode", providerOrg, "name", "科技服务机构 " + providerOrg, "categories", List.of("TESTING"),
            "legalRepresentativeNationalId", number)).expectStatus().isCreated().expectBody(String.class)
        .returnResult();
    assertThat(registered.getResponseBody()).doesNotContainIgnoringCase(number).doesNotContain(hash)
        .contains("\"legalRepresentativeGiven\":true");
    String providerId = (String) PublishedEventsContractIT.JSON.readValue(registered.getResponseBody(), Map.class)
        .get("id");
    json(post(manager(), "/service-providers/" + providerId + "/approve", null), HttpStatus.OK);
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING"), "0.50");

    Map<String, Object> body = new HashMap<>(application(program));
    body.put("legalRepresentativeNationalId", number.toLowerCase(java.util.Locale.ROOT));
    String key = "apply-lr-" + enterprise;
    String applied = apply(enterprise, key, body).expectStatus().isCreated().expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(applied).doesNotContainIgnoringCase(number).doesNotContain(hash)
        .contains("\"legalRepresentativeGiven\":true");
    String id = (String) PublishedEventsContractIT.JSON.readValue(applied, Map.class).get("id");
    // the same application again is the same voucher; the same key with another legal representative is refused
    assertThat(json(apply(enterprise, key, body), HttpStatus.CREATED).get("id")).isEqualTo(id);
    Map<String, Object> otherPerson = new HashMap<>(body);
    otherPerson.put("legalRepresentativeNationalId", "120101198004135929");
    assertProblem(json(apply(enterprise, key, otherPerson), HttpStatus.UNPROCESSABLE_CONTENT),
        "idempotency-key-reused");

    json(post(applicant(enterprise), "/vouchers/" + id + "/contract",
        contract(providerId, "TESTING", 8_000_000, document(enterprise, id))), HttpStatus.OK);
    Map<String, Map<String, Object>> events = eventsOf(id, 2);
    assertThat(events.get("fundflow.intake.voucher-contracted.v1"))
        .containsEntry("legalRepresentativeIdHash", hash).containsEntry("providerLegalRepresentativeIdHash", hash);

    // nowhere in clear: the stored documents (with their outboxes), the events of both keys, the readers' answers
    for (String[] stored : List.of(new String[] {"service-providers", providerId}, new String[] {"vouchers", id})) {
      String doc = template.findById(stored[1], Document.class, stored[0]).block().toJson();
      assertThat(doc).as(stored[0]).contains(hash).doesNotContainIgnoringCase(number);
    }
    assertThat(rawEventsOf(List.of(id, providerId), 3)).allSatisfy(e -> assertThat(e).doesNotContainIgnoringCase(number));
    for (String path : List.of("/vouchers/" + id, "/service-providers/" + providerId)) {
      String read = get(manager(), path).expectStatus().isOk().expectBody(String.class).returnResult()
          .getResponseBody();
      assertThat(read).as(path).doesNotContainIgnoringCase(number).doesNotContain(hash);
    }
  }

  /** Without a legal representative (optional) the contract event carries neither hash: the rule compares codes. */
  @Test
  void givenNoLegalRepresentative_whenContracted_thenTheEventCarriesNoHash() {
    String enterprise = freshCode(JINNAN);
    String providerId = approvedProvider(freshCode("120116"), List.of("TESTING"));
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING"), "0.50");
    String id = issued(program, enterprise);
    assertThat(json(get(applicant(enterprise), "/vouchers/" + id), HttpStatus.OK))
        .containsEntry("legalRepresentativeGiven", false);
    json(post(applicant(enterprise), "/vouchers/" + id + "/contract",
        contract(providerId, "TESTING", 1_000_000, document(enterprise, id))), HttpStatus.OK);
    assertThat(eventsOf(id, 2).get("fundflow.intake.voucher-contracted.v1"))
        .doesNotContainKey("legalRepresentativeIdHash").doesNotContainKey("providerLegalRepresentativeIdHash");
  }

  /** A wrong ID number is a 400 problem naming the field, never repeating the number; nothing is stored. */
  @Test
  void givenAWrongLegalRepresentativeIdNumber_whenRegisteringOrApplying_then400NamingTheField_andNothingStored() {
    String wrong = "120101198004135928"; // the check character of 120101198004135929 changed
    String providerOrg = freshCode("120116");
    String problem = post(provider(providerOrg), "/service-providers", Map.of("organisationCode", providerOrg,
        "name", "机构", "categories", List.of("TESTING"), "legalRepresentativeNationalId", wrong))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(problem).contains("\"field\":\"legalRepresentativeNationalId\"")
        .contains("https://fundflow.org/problems/validation").doesNotContain(wrong);
    get(manager(), "/service-providers/" + "spv-" + providerOrg).expectStatus().isNotFound();

    String enterprise = freshCode(JINNAN);
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING"), "0.50");
    Map<String, Object> body = new HashMap<>(application(program));
    body.put("legalRepresentativeNationalId", wrong);
    String refused = apply(enterprise, "k-" + UUID.randomUUID(), body).expectStatus().isBadRequest()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("\"field\":\"legalRepresentativeNationalId\"").doesNotContain(wrong);
    assertThat(template.count(new Query(Criteria.where("organisationCode").is(enterprise)), "vouchers").block())
        .isZero();
  }

  // ------------------------------------------------------------------ eligibility and the annual cap

  @Test
  void givenIneligibleApplications_whenApplied_thenRefusedWithTheRule() throws Exception {
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING"), "0.5");
    String outside = freshCode("120000"); // registered with the municipality, not in the district
    assertProblem(json(apply(outside, "k-" + UUID.randomUUID(), application(program)),
        HttpStatus.UNPROCESSABLE_CONTENT), "not-registered-in-district");
    String local = freshCode(JINNAN);
    Map<String, Object> noSme = new HashMap<>(application(program));
    noSme.put("smeDeclared", false);
    assertProblem(json(apply(local, "k-" + UUID.randomUUID(), noSme), HttpStatus.UNPROCESSABLE_CONTENT),
        "sme-declaration-required");
    Map<String, Object> noPledge = new HashMap<>(application(program));
    noPledge.put("pledge", Map.of("accepted", false));
    assertProblem(json(apply(local, "k-" + UUID.randomUUID(), noPledge), HttpStatus.UNPROCESSABLE_CONTENT),
        "pledge-required");
    String general = openProgram("GENERAL", 100_000_000, 10_000_000);
    assertProblem(json(apply(local, "k-" + UUID.randomUUID(), application(general)),
        HttpStatus.UNPROCESSABLE_CONTENT), "not-a-voucher-program");

    // an integrity hold (known from integrity.events) stops the application
    String held = freshCode(JINNAN);
    String holdId = "hld-" + UUID.randomUUID();
    publish("integrity.events", held, IntegrityHoldIT.PLACED, IntegrityHoldIT.placed(holdId,
        "ORGANISATION", held, Instant.parse("2030-12-31T16:00:00Z")));
    // once intake has heard of the hold, the application is refused
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        template.exists(new Query(Criteria.where("_id").is(holdId)), "holds").block());
    assertProblem(json(apply(held, "k-" + UUID.randomUUID(), application(program)),
        HttpStatus.UNPROCESSABLE_CONTENT), "integrity-hold");
    assertThat(template.count(new Query(Criteria.where("programId").is(program)), "vouchers").block()).isZero();
  }

  @Test
  void givenAnnualCapOfTwoVouchers_whenSixApplicationsRaceAtOnce_thenExactlyTwoIssued() throws Exception {
    String enterprise = freshCode(JINNAN);
    String program = voucherProgram(5_000_000, 10_000_000, List.of("TESTING"), "0.5");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String key = "race-" + i + "-" + UUID.randomUUID();
      calls.add(() -> {
        var result = apply(enterprise, key, application(program)).expectBody(Map.class).returnResult();
        Object type = result.getResponseBody() == null ? null : result.getResponseBody().get("type");
        return result.getStatus().value() + (result.getStatus().value() == 201 ? "" : " " + type);
      });
    }
    List<String> answers = new ArrayList<>();
    for (Future<String> f : pool.invokeAll(calls)) {
      answers.add(f.get());
    }
    pool.shutdown();
    // the losers of the race are refused with the cap itself (a lost race proves the voucher it wanted exists), never
    // a time-out of the store's time limit (503) or a concurrent-change 409
    assertThat(Collections.frequency(answers, "201")).as("answers " + answers).isEqualTo(2);
    assertThat(answers).as("answers " + answers)
        .allMatch(a -> a.equals("201") || a.equals("422 https://fundflow.org/problems/annual-cap-reached"));
    assertThat(template.count(new Query(Criteria.where("programId").is(program).and("organisationCode")
        .is(enterprise)), "vouchers").block()).isEqualTo(2);
    assertProblem(json(apply(enterprise, "k-" + UUID.randomUUID(), application(program)),
        HttpStatus.UNPROCESSABLE_CONTENT), "annual-cap-reached");
  }

  // ------------------------------------------------------------------ contract rules

  @Test
  void givenContractsBreakingARule_whenRegistered_thenRefusedAndTheVoucherStaysIssued() {
    String enterprise = freshCode(JINNAN);
    String program = voucherProgram(5_000_000, 20_000_000, List.of("TESTING", "IP_SERVICES"), "0.5");
    String id = issued(program, enterprise);
    String documentId = document(enterprise, id);
    String approved = approvedProvider(freshCode("120116"), List.of("TESTING", "RD_DESIGN"));
    String pendingOrg = freshCode("120116");
    String pending = (String) json(post(provider(pendingOrg), "/service-providers", Map.of("organisationCode",
        pendingOrg, "name", "待审核机构", "categories", List.of("TESTING"))), HttpStatus.CREATED).get("id");

    String path = "/vouchers/" + id + "/contract";
    assertProblem(json(post(applicant(enterprise), path, contract(pending, "TESTING", 1_000_000, documentId)),
        HttpStatus.UNPROCESSABLE_CONTENT), "provider-not-approved");
    assertProblem(json(post(applicant(enterprise), path, contract("spv-" + freshCode("120116"), "TESTING", 1_000_000,
        documentId)), HttpStatus.UNPROCESSABLE_CONTENT), "provider-not-registered");
    // RD_DESIGN is offered by the provider but not eligible in the program; IP_SERVICES eligible but not offered
    assertProblem(json(post(applicant(enterprise), path, contract(approved, "RD_DESIGN", 1_000_000, documentId)),
        HttpStatus.UNPROCESSABLE_CONTENT), "category-not-eligible");
    assertProblem(json(post(applicant(enterprise), path, contract(approved, "IP_SERVICES", 1_000_000, documentId)),
        HttpStatus.UNPROCESSABLE_CONTENT), "category-not-offered");
    assertProblem(json(post(applicant(enterprise), path, contract(approved, "TESTING", 1_000_000,
        "0123456789abcdef01234567")), HttpStatus.UNPROCESSABLE_CONTENT), "contract-document-unknown");
    // the enterprise itself as provider
    String own = approvedProvider(enterprise, List.of("TESTING"));
    assertProblem(json(post(applicant(enterprise), path, contract(own, "TESTING", 1_000_000, documentId)),
        HttpStatus.UNPROCESSABLE_CONTENT), "own-provider");
    // another enterprise cannot use it (not visible)
    post(applicant(freshCode(JINNAN)), path, contract(approved, "TESTING", 1_000_000, documentId))
        .expectStatus().isNotFound();
    assertThat(json(get(applicant(enterprise), "/vouchers/" + id), HttpStatus.OK).get("status")).isEqualTo("ISSUED");
  }

  @Test
  void givenExpiredVoucher_whenUsedOnAContract_thenRefusedNamingTheLastValidDay() {
    String enterprise = freshCode(JINNAN);
    String program = voucherProgram(5_000_000, 5_000_000, List.of("TESTING"), "0.5");
    String id = issued(program, enterprise);
    String documentId = document(enterprise, id);
    String providerId = approvedProvider(freshCode("120116"), List.of("TESTING"));
    // the validity period has run out (its end moved to the past, as time would)
    template.updateFirst(new Query(Criteria.where("_id").is(id)),
        new Update().set("expiresAt", java.util.Date.from(Instant.now().minusSeconds(60))), "vouchers").block();
    assertThat(json(get(applicant(enterprise), "/vouchers/" + id), HttpStatus.OK).get("expired")).isEqualTo(true);
    Map<String, Object> problem = json(post(applicant(enterprise), "/vouchers/" + id + "/contract",
        contract(providerId, "TESTING", 1_000_000, documentId)), HttpStatus.UNPROCESSABLE_CONTENT);
    assertProblem(problem, "voucher-expired");
    assertThat(problem).containsKey("lastValidDay");
  }

  // ------------------------------------------------------------------ who sees what

  @Test
  void givenTwoProviders_whenOneReadsTheOthersContract_thenNotFound_andEachListsOnlyItsOwn() {
    String enterprise = freshCode(JINNAN);
    String program = voucherProgram(5_000_000, 20_000_000, List.of("TESTING"), "0.5");
    String orgA = freshCode("120116");
    String orgB = freshCode("120116");
    String a = approvedProvider(orgA, List.of("TESTING"));
    String b = approvedProvider(orgB, List.of("TESTING"));
    String withA = issued(program, enterprise);
    json(post(applicant(enterprise), "/vouchers/" + withA + "/contract",
        contract(a, "TESTING", 2_000_000, document(enterprise, withA))), HttpStatus.OK);
    String withB = issued(program, enterprise);
    json(post(applicant(enterprise), "/vouchers/" + withB + "/contract",
        contract(b, "TESTING", 3_000_000, document(enterprise, withB))), HttpStatus.OK);

    assertThat(json(get(provider(orgA), "/vouchers/" + withA), HttpStatus.OK).get("id")).isEqualTo(withA);
    get(provider(orgA), "/vouchers/" + withB).expectStatus().isNotFound();
    get(provider(orgB), "/vouchers/" + withA).expectStatus().isNotFound();
    post(provider(orgB), "/vouchers/" + withA + "/settlement-claim", null).expectStatus().isNotFound();
    assertThat(ids(get(provider(orgA), "/vouchers?limit=100"))).containsExactly(withA);
    assertThat(ids(get(provider(orgB), "/vouchers?limit=100"))).containsExactly(withB);
    // a provider never reads a contract document of another provider's voucher
    String doc = (String) ((Map<String, Object>) ((Map<String, Object>) json(get(applicant(enterprise),
        "/vouchers/" + withA), HttpStatus.OK).get("contract")).get("document")).get("documentId");
    get(provider(orgB), "/vouchers/" + withA + "/documents/" + doc).expectStatus().isNotFound();
    get(provider(orgA), "/vouchers/" + withA + "/documents/" + doc).expectStatus().isOk();
    // the enterprise and staff see both
    assertThat(ids(get(applicant(enterprise), "/vouchers?limit=100&programId=" + program)))
        .containsExactlyInAnyOrder(withA, withB);
    assertThat(ids(get(auditor(), "/vouchers?limit=100&programId=" + program)))
        .containsExactlyInAnyOrder(withA, withB);
    get(applicant(freshCode(JINNAN)), "/vouchers/" + withA).expectStatus().isNotFound();
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void givenClaimedSettlement_whenTheEnterpriseConfirmsFiveTimesAtOnce_thenRedeemedOnceAndOneEvent() throws Exception {
    String enterprise = freshCode(JINNAN);
    String providerOrg = freshCode("120116");
    String providerId = approvedProvider(providerOrg, List.of("TESTING"));
    String program = voucherProgram(5_000_000, 5_000_000, List.of("TESTING"), "0.5");
    String id = issued(program, enterprise);
    json(post(applicant(enterprise), "/vouchers/" + id + "/contract",
        contract(providerId, "TESTING", 1_234_567, document(enterprise, id))), HttpStatus.OK);
    json(post(provider(providerOrg), "/vouchers/" + id + "/settlement-claim", null), HttpStatus.OK);

    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(() -> post(applicant(enterprise), "/vouchers/" + id + "/delivery-confirmation", null)
          .returnResult(String.class).getStatus().value());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : pool.invokeAll(calls)) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(Collections.frequency(statuses, 200)).as("statuses " + statuses).isEqualTo(1);
    assertThat(statuses).allMatch(s -> s == 200 || s == 409);
    Document stored = template.findById(id, Document.class, "vouchers").block();
    assertThat(stored.getString("status")).isEqualTo("REDEEMED");
    List<String> redeemed = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      // a later event of another key: once it is read, everything before it was relayed
      String marker = issued(voucherProgram(5_000_000, 5_000_000, List.of("TESTING"), "0.5"), enterprise);
      boolean[] markerSeen = {false};
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if (id.equals(r.key()) && "fundflow.intake.voucher-redeemed.v1".equals(header(r, "ce_type"))) {
            redeemed.add(header(r, "ce_id"));
          }
          markerSeen[0] |= marker.equals(r.key());
        }
        return markerSeen[0] && !redeemed.isEmpty();
      });
    }
    assertThat(redeemed).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  @SuppressWarnings("unchecked")
  static List<String> ids(WebTestClient.ResponseSpec spec) {
    Map<String, Object> page = json(spec, HttpStatus.OK);
    return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
  }

  final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  final Map<String, Schema> schemas = new HashMap<>();

  /** The events of one key on intake.proposal-events (at least {@code count}), each validated against its schema. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> eventsOf(String key, int count) {
    Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
    Set<String> failures = new TreeSet<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if (!key.equals(r.key())) {
            continue;
          }
          String type = header(r, "ce_type");
          String json = new String(r.value(), StandardCharsets.UTF_8);
          List<Error> errors = schemaFor(type).validate(json, InputFormat.JSON);
          errors.forEach(e -> failures.add(type + ": " + e));
          if (!"/fundflow/project-intake".equals(header(r, "ce_source")) || header(r, "ce_correlationid") == null) {
            failures.add(type + ": bad CloudEvents headers");
          }
          byType.put(type, PublishedEventsContractIT.JSON.readValue(json, Map.class));
        }
        return byType.size() >= count;
      });
    }
    assertThat(failures).isEmpty();
    return byType;
  }

  /** The raw JSON of the events of these keys on intake.proposal-events (at least {@code count} in all). */
  List<String> rawEventsOf(List<String> keys, int count) {
    List<String> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          if (keys.contains(r.key())) {
            StringBuilder headers = new StringBuilder();
            r.headers().forEach(h -> headers.append(h.key()).append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8)).append(';'));
            found.add(headers + new String(r.value(), StandardCharsets.UTF_8));
          }
        }
        return found.size() >= count;
      });
    }
    return found;
  }

  Schema schemaFor(String type) {
    return schemas.computeIfAbsent(type, t -> {
      String path = "/schemas/project-intake/" + t.split("\\.")[2] + ".v1.schema.json";
      InputStream in = getClass().getResourceAsStream(path);
      assertThat(in).as("schema " + path).isNotNull();
      return registry.getSchema(in);
    });
  }

  static String sha(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
