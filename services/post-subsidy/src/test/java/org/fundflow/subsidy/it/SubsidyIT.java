package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.fundflow.subsidy.contract.Contracts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service against the real embedded KRaft broker and Mongo-wire store (one context shared by
 * every IT class). Input events are produced with a plain KafkaProducer and CloudEvents headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@TestPropertySource(properties = {"fundflow.subsidy.reconcile-every=1h"})
abstract class SubsidyIT {

  static final String PROGRAM_EVENTS = "intake.program-events";
  static final String PROPOSAL_EVENTS = "intake.proposal-events";
  static final String PROJECT_EVENTS = "milestone.project-events";
  static final String INTEGRITY_EVENTS = "integrity.events";
  static final String DISBURSEMENT_EVENTS = "subsidy.disbursement-events";
  static final Duration WAIT = Duration.ofSeconds(45);

  static final String OFFICER = TestJwts.token("olga-officer", "FINANCE_OFFICER");
  static final String APPROVER_BOB = TestJwts.token("bob-approver", "FINANCE_APPROVER");
  static final String APPROVER_CAROL = TestJwts.token("carol-approver", "FINANCE_APPROVER");
  static final String AUDITOR = TestJwts.token("ann-auditor", "AUDITOR");

  private static KafkaProducer<String, byte[]> producer;
  private static final Random RANDOM = new Random();

  @Autowired ReactiveMongoTemplate template;
  @Value("${local.server.port}") int port;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
  }

  static synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
      p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A code of the right shape (the schemas check the shape, not the check character). */
  /** A random organisation code with the right GB 32100 check character (the API refuses invalid ones with 400). */
  static String organisationCode() {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder b = new StringBuilder("91120112");
    for (int i = 0; i < 9; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return org.fundflow.platform.national.OrganisationCode.withCheckCharacter(b.toString());
  }

  static String send(String topic, String key, String type, String json) {
    return send(topic, key, type, json, UUID.randomUUID().toString());
  }

  static String send(String topic, String key, String type, String json, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
    CloudEventHeaders.write(new CloudEventAttributes(eventId, type, "/fundflow/test", key, Instant.now(),
        "corr-" + eventId, null), record.headers());
    try {
      producer().send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return eventId;
  }

  // ---- input events -------------------------------------------------------------------------

  static String generalProgram(String programId, long budgetFen, int advancePercent) {
    return "{\"programId\":\"" + programId + "\",\"kind\":\"GENERAL\",\"name\":\"General " + programId
        + "\",\"status\":\"OPEN\",\"budgetFen\":" + budgetFen + ",\"perProjectCapFen\":" + budgetFen
        + ",\"fundingSplit\":{\"advancePercent\":" + advancePercent + ",\"balancePercent\":" + (100 - advancePercent)
        + "},\"publishedAt\":\"2026-04-25T02:00:00Z\",\"revision\":1}";
  }

  static String challengeProgram(String programId, long budgetFen) {
    return "{\"programId\":\"" + programId + "\",\"kind\":\"CHALLENGE\",\"name\":\"Challenge " + programId
        + "\",\"status\":\"OPEN\",\"budgetFen\":" + budgetFen + ",\"perProjectCapFen\":" + budgetFen
        + ",\"publishedAt\":\"2026-04-25T02:00:00Z\",\"revision\":1}";
  }

  static String postSubsidyProgram(String programId, long budgetFen, String base, String tiers, long capFen,
      long minimumFen) {
    return "{\"programId\":\"" + programId + "\",\"kind\":\"POST_SUBSIDY\",\"name\":\"Post-subsidy " + programId
        + "\",\"status\":\"OPEN\",\"budgetFen\":" + budgetFen + ",\"perProjectCapFen\":" + capFen
        + ",\"postSubsidyRule\":{\"base\":\"" + base + "\",\"tiers\":" + tiers + ",\"capPerOrganisationPerYearFen\":"
        + capFen + ",\"minimumIncreaseFen\":" + minimumFen + "},\"publishedAt\":\"2026-04-25T02:00:00Z\",\"revision\":1}";
  }

  void publishProgram(String programId, String json) {
    send(PROGRAM_EVENTS, programId, "fundflow.intake.program-published.v1", json);
    await().atMost(WAIT).until(() -> template.findById(programId, Document.class, "programs").block() != null);
  }

  static String awarded(String projectId, String programId, String kind, String org, long awardedFen,
      String milestonesJson) {
    String split = kind.equals("GENERAL") ? "" : "";
    return "{\"proposalId\":\"prop-" + projectId + "\",\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId
        + "\",\"programKind\":\"" + kind + "\",\"organisationCode\":\"" + org + "\",\"organisationName\":\"Org " + org
        + "\",\"title\":\"t\",\"awardedAmountFen\":" + awardedFen + split + ",\"milestones\":" + milestonesJson
        + ",\"awardedAt\":\"2026-07-01T02:00:00Z\",\"awardedBy\":\"pm\"}";
  }

  static String milestoneAccepted(String projectId, String programId, String milestoneId, int sequence, int percent,
      long awardedFen, String org, boolean last) {
    return "{\"projectId\":\"" + projectId + "\",\"programId\":\"" + programId + "\",\"programKind\":\"CHALLENGE\","
        + "\"milestoneId\":\"" + milestoneId + "\",\"sequence\":" + sequence + ",\"tranchePercent\":" + percent
        + ",\"awardedAmountFen\":" + awardedFen + ",\"organisationCode\":\"" + org + "\",\"lastMilestone\":" + last
        + ",\"acceptedAt\":\"2026-09-01T02:00:00Z\"}";
  }

  static String hold(String holdId, String org) {
    return "{\"holdId\":\"" + holdId + "\",\"subject\":{\"type\":\"ORGANISATION\",\"id\":\"" + org
        + "\"},\"reason\":\"dishonesty list\",\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":\"2029-01-01T00:00:00Z\","
        + "\"placedBy\":\"io\",\"placedAt\":\"2026-01-01T00:00:00Z\",\"liftedAt\":\"2026-01-02T00:00:00Z\"}";
  }

  // ---- reading state ------------------------------------------------------------------------

  Document disbursement(String id) {
    return template.findById(id, Document.class, "disbursements").block();
  }

  Document awaitDisbursement(String id, Predicate<Document> condition) {
    await().atMost(WAIT).until(() -> {
      Document d = disbursement(id);
      return d != null && condition.test(d);
    });
    return disbursement(id);
  }

  Document awaitDisbursement(String id) {
    return awaitDisbursement(id, d -> true);
  }

  static boolean status(Document d, String status) {
    return status.equals(d.getString("status"));
  }

  Document program(String programId) {
    return template.findById(programId, Document.class, "programs").block();
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  long prepare(String id) {
    return prepare(id, OFFICER);
  }

  long prepare(String id, String token) {
    String etag = web.post().uri("/disbursements/{id}/preparation", id)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(Map.of("payeeName", "Tianjin Widgets Co.", "bank", "Bank of Tianjin", "accountNumber",
            "6222020302001234567"))
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getETag();
    return Long.parseLong(etag.replace("\"", ""));
  }

  WebTestClient.ResponseSpec release(String id, long version, String key, String token, String paymentReference) {
    return web.post().uri("/disbursements/{id}/release", id)
        .headers(h -> {
          h.setBearerAuth(token);
          h.set(HttpHeaders.IF_MATCH, "\"" + version + "\"");
          h.set("Idempotency-Key", key);
        })
        .bodyValue(Map.of("paymentReference", paymentReference))
        .exchange();
  }

  // ---- reading what the service published ---------------------------------------------------

  static KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Collects the records of {@code topic} with this key until {@code done} holds for the list. */
  static List<ConsumerRecord<String, byte[]>> published(String topic, String key,
      Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = consumer()) {
      c.subscribe(List.of(topic));
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            seen.add(r);
          }
        }
        return done.test(seen);
      });
    }
    return seen;
  }

  static String type(ConsumerRecord<String, byte[]> r) {
    return new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
  }

  static String json(ConsumerRecord<String, byte[]> r) {
    return new String(r.value(), StandardCharsets.UTF_8);
  }

  /** Every published record validates against the shared schema of its type. */
  static void assertValid(List<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      String event = type(r).replace("fundflow.subsidy.", "").replace(".v1", "");
      assertThat(Contracts.validate("post-subsidy", event, json(r))).as(type(r) + " " + json(r)).isEmpty();
      assertThat(new String(r.headers().lastHeader(CloudEventHeaders.DATA_SCHEMA).value(), StandardCharsets.UTF_8))
          .isEqualTo("post-subsidy/" + event + ".v1.schema.json");
    }
  }

  static long count(List<ConsumerRecord<String, byte[]>> records, String type, String containing) {
    return records.stream().filter(r -> type(r).equals(type) && json(r).contains(containing)).count();
  }
}
