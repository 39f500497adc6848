package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.intake.IntakeApplication;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service over HTTP against the real embedded broker and store (shared per JVM). Every IT
 * class has the same configuration, so they share one application context and one database: each
 * test uses its own organisations and programs.
 */
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
// awards are final at once in these ITs (no public notice); AwardNoticeIT runs the notice with a short period
@TestPropertySource(properties = "fundflow.intake.award-notice-period=PT0S")
abstract class IntakeIT {

  /** Valid unified social credit codes from shared/testdata/org-codes.csv. */
  static final List<String> ORGS = List.of("5231011587WL1EFJ6B", "9112000089F2XW550E", "91120112MNH91HTMX6",
      "521201126KXLELYT33", "12310115AMBRCN372R", "92110108EF3LH7EF5W", "12120116800HQW767H", "92120116CDJLBNT814",
      "91120000225WJEN76U", "11120116LYXDCQ8D2P", "921101084KTNFX93X8", "12120112EXH9BL324R", "11120112DAJ3PW352L",
      "52120116RB64230A2N", "123101151HQW8XPY70", "91310115JPMD5PX310", "91120112DA1KCGYFXP", "1231011578KYG8A51P",
      "52310115BGC5HA2597", "92120112KFG4JEM72A");
  /** Valid national ID numbers from shared/testdata/national-ids.csv. */
  static final List<String> PEOPLE = List.of("120101198004135929", "11010819841203824X", "120101196310216525",
      "12010119720627771X", "110108197203044876", "11010819720423791X", "370202199503084946", "110108196412165143");

  @LocalServerPort int port;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        // the OpenAPI document is over the 256 KB default since the notice and reward endpoints
        .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
  }

  // ------------------------------------------------------------------ tokens

  static String manager() {
    return TestJwts.token("pm-li", List.of("PROGRAM_MANAGER"), null);
  }

  static String auditor() {
    return TestJwts.token("auditor-wu", List.of("AUDITOR"), null);
  }

  static String applicant(String org) {
    return TestJwts.token("applicant-" + org, List.of("APPLICANT"), org);
  }

  // ------------------------------------------------------------------ requests

  WebTestClient.ResponseSpec post(String token, String path, Object body) {
    return web.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body == null ? Map.of() : body).exchange();
  }

  WebTestClient.ResponseSpec put(String token, String path, Object body) {
    return web.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  /** A PUT with If-Match (an edit of a draft program names the version it was made on). */
  WebTestClient.ResponseSpec put(String token, String path, Object body, String ifMatch) {
    return web.put().uri(path).headers(h -> {
      h.setBearerAuth(token);
      if (ifMatch != null) {
        h.set("If-Match", ifMatch);
      }
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  WebTestClient.ResponseSpec get(String token, String path) {
    return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(WebTestClient.ResponseSpec spec, HttpStatus expected) {
    return spec.expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
  }

  // ------------------------------------------------------------------ programs

  static Map<String, Object> programBody(String kind, long budget, long cap, Instant opens, Instant closes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", kind + " program " + UUID.randomUUID().toString().substring(0, 6));
    body.put("kind", kind);
    body.put("budgetFen", budget);
    body.put("perProjectCapFen", cap);
    body.put("callWindow", Map.of("opensAt", opens.toString(), "closesAt", closes.toString()));
    if (kind.equals("GENERAL")) {
      body.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    }
    if (!kind.equals("POST_SUBSIDY")) {
      // these tests award right after screening: the program is created with its expert review (立项评审) off,
      // explicitly (ExpertReviewIT goes through the review)
      body.put("expertReview", Map.of("required", false));
    }
    if (kind.equals("POST_SUBSIDY")) {
      body.put("postSubsidyRule", Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
          "capPerOrganisationPerYearFen", 100_000_000, "minimumIncreaseFen", 1_000_000));
    }
    return body;
  }

  String openProgram(String kind, long budget, long cap) {
    Instant now = Instant.now();
    return openProgram(kind, budget, cap, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
  }

  String openProgram(String kind, long budget, long cap, Instant opens, Instant closes) {
    String id = (String) json(post(manager(), "/programs", programBody(kind, budget, cap, opens, closes)),
        HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.OK);
    return id;
  }

  // ------------------------------------------------------------------ proposals

  static Map<String, Object> proposalBody(String programId, String org, long requested, String piNationalId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", "Proposal of " + org);
    body.put("abstract", "An abstract");
    body.put("keywords", List.of("materials", "catalysis"));
    body.put("requestedAmountFen", requested);
    body.put("budgetLines", List.of(Map.of("category", "equipment", "amountFen", requested - requested / 2),
        Map.of("category", "personnel", "amountFen", requested / 2)));
    body.put("principalInvestigator", Map.of("nationalId", piNationalId, "name", "Zhang San", "organisationCode", org));
    body.put("team", List.of(Map.of("nationalId", PEOPLE.get(1), "name", "Li Si", "organisationCode", org,
        "role", "技术骨干")));
    body.put("attachments", List.of(Map.of("name", "plan.pdf", "mediaType", "application/pdf", "sizeBytes", 120_000,
        "sha256", "ab".repeat(32))));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    return body;
  }

  String draft(String programId, String org, long requested) {
    return draft(proposalBody(programId, org, requested, PEOPLE.get(0)), org);
  }

  String draft(Map<String, Object> body, String org) {
    return (String) json(post(applicant(org), "/proposals", body), HttpStatus.CREATED).get("id");
  }

  static Map<String, Object> pledge() {
    return Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-2026-01"));
  }

  WebTestClient.ResponseSpec submit(String org, String proposalId, String key, Object body) {
    return web.post().uri("/proposals/" + proposalId + "/submit").headers(h -> {
          h.setBearerAuth(applicant(org));
          h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  String submitted(String programId, String org, long requested) {
    String id = draft(programId, org, requested);
    json(submit(org, id, "key-" + id, pledge()), HttpStatus.OK);
    return id;
  }

  String underReview(String programId, String org, long requested) {
    String id = submitted(programId, org, requested);
    json(post(manager(), "/proposals/" + id + "/screen", null), HttpStatus.OK);
    json(post(manager(), "/proposals/" + id + "/review", null), HttpStatus.OK);
    return id;
  }

  // ------------------------------------------------------------------ kafka

  static KafkaConsumer<String, byte[]> consumer(String... topics) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics));
    return consumer;
  }

  static void publish(String topic, String key, String type, String json) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
      String id = UUID.randomUUID().toString();
      CloudEventHeaders.write(new CloudEventAttributes(id, type, "/fundflow/integrity-check", key, Instant.now(),
          "corr-" + id, null), record.headers());
      producer.send(record).get();
    }
  }

  static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static void assertProblem(Map<String, Object> problem, String slug) {
    assertThat(problem).isNotNull();
    assertThat(problem.get("type")).isEqualTo("https://fundflow.org/problems/" + slug);
  }
}
