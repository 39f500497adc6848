package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 point 5: an evidence upload cut off by {@code kill -9} of milestone-review leaves no half-referenced
 * file, and the sweep removes its chunks after the grace period. The service runs from its boot jar as a process of
 * its own (own database and consumer groups, so it shares nothing with the running suite), with a grace period of
 * 10 s, a sweep every second and 16 KB chunks (a 20 MB file is ~1 300 chunk writes: the kill lands among them).
 */
class EvidenceUploadCrashIT {

  static final String ORG = "12120112EXH9BL324R";
  static final String DATABASE = "fundflow_milestone_crash";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String APPLICANT = TestJwts.token("applicant-" + ORG, List.of("APPLICANT"), ORG);

  static ServiceProcess service;
  static MongoClient mongo;
  static MongoDatabase db;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    List<String> jvm = new ArrayList<>(ServiceProcess.DEVSTACK_JVM_OPTIONS);
    jvm.add("-Dspring.cloud.stream.bindings.onProposalEvent-in-0.group=milestone-review-crash-test");
    jvm.add("-Dspring.cloud.stream.bindings.onIntegrityEvent-in-0.group=milestone-review-crash-test");
    service = ServiceProcess.of("milestone-review", infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(""),
        jvm, Map.of("SPRING_MONGODB_URI", infrastructure.mongoUri(DATABASE),
            "FUNDFLOW_DOCUMENTS_ORPHAN_GRACE", "PT10S", "FUNDFLOW_DOCUMENTS_SWEEP_INTERVAL", "PT1S",
            "FUNDFLOW_DOCUMENTS_CHUNK_SIZE_BYTES", "16384", "MALLOC_ARENA_MAX", "2"),
        Path.of("target", "crash-logs"));
    service.start();
    service.awaitReady(Duration.ofSeconds(240));
    mongo = MongoClients.create(infrastructure.mongoUri(DATABASE));
    db = mongo.getDatabase(DATABASE);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.stop(Duration.ofSeconds(20));
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  @Test
  void anUploadCutOffByKillNineLeavesNoFileToNameAndTheSweepRemovesItsChunks() throws Exception {
    String projectId = "prj-crash-" + UUID.randomUUID().toString().substring(0, 8);
    String milestone = projectId + "-m1";
    String evidence = "/projects/" + projectId + "/milestones/" + milestone + "/evidence";
    award(projectId);
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/projects/" + projectId).statusCode() == 200);

    // a file named by a report before the crash: it must outlive the sweep
    JsonNode kept = JSON.readTree(upload(evidence, "kept.pdf", pdf(50_000, 1)).join().body());
    String keptId = kept.get("fileId").asString();
    HttpResponse<String> report = post("/projects/" + projectId + "/reports", JSON.writeValueAsString(Map.of(
        "deliverablesMet", List.of("检测报告"), "evidence", List.of(), "spendingToDateFen", 1_000L,
        "evidenceFileIds", List.of(keptId))));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

    // a 20 MB upload; kill -9 while its chunks are being written, before the driver writes the files document
    CompletableFuture<HttpResponse<String>> cut = upload(evidence, "cut.pdf", pdf(20 * 1024 * 1024 - 4096, 2));
    ObjectId[] cutId = new ObjectId[1];
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
      for (Object id : db.getCollection("documents.chunks").distinct("files_id", ObjectId.class)) {
        if (!id.equals(new ObjectId(keptId))) {
          cutId[0] = (ObjectId) id;
          return true;
        }
      }
      return cut.isDone();
    });
    service.kill();
    assertThat(cutId[0]).as("chunks of the cut-off upload were being written when the service was killed").isNotNull();
    assertThat(db.getCollection("documents.files").countDocuments(Filters.eq("_id", cutId[0])))
        .as("the upload was cut off before it became a file").isZero();
    assertThat(db.getCollection("documents.chunks").countDocuments(Filters.eq("files_id", cutId[0])))
        .as("its chunks are left behind").isPositive();
    assertThat(cut.handle((r, e) -> r == null ? -1 : r.statusCode()).get(30, TimeUnit.SECONDS)).isNotEqualTo(201);

    service.start();
    service.awaitReady(Duration.ofSeconds(240));

    // nothing can name the partial upload: it is no file of the milestone, and a report naming it is refused
    JsonNode listed = JSON.readTree(get(evidence).body());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("fileId").asString()).isEqualTo(keptId);
    // the milestone is under review now; the refusal names the unknown file before any state is checked
    HttpResponse<String> naming = post("/projects/" + projectId + "/reports", JSON.writeValueAsString(Map.of(
        "deliverablesMet", List.of("检测报告"), "evidence", List.of(), "spendingToDateFen", 1_000L,
        "evidenceFileIds", List.of(cutId[0].toHexString()))));
    assertThat(naming.statusCode()).as(naming.body()).isEqualTo(422);
    assertThat(naming.body()).contains("unknown-evidence-file");
    List<Document> projects = db.getCollection("projects").find(Filters.eq("_id", projectId)).into(new ArrayList<>());
    assertThat(projects.get(0).toJson()).doesNotContain(cutId[0].toHexString());

    // after the grace period the sweep removes the cut-off chunks; the named file stays and still downloads whole
    await().atMost(Duration.ofSeconds(90)).until(() ->
        db.getCollection("documents.chunks").countDocuments(Filters.eq("files_id", cutId[0])) == 0);
    HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(service.url()
            + "/projects/" + projectId + "/reports/" + JSON.readTree(report.body()).get("reportId").asString()
            + "/evidence/" + keptId)).header("Authorization", "Bearer " + APPLICANT).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf(50_000, 1));
  }

  static byte[] pdf(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  CompletableFuture<HttpResponse<String>> upload(String path, String name, byte[] bytes) {
    String boundary = "crash" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.sendAsync(HttpRequest.newBuilder(URI.create(service.url() + path))
            .header("Authorization", "Bearer " + APPLICANT)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofSeconds(180))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(service.url() + path)).header("Authorization", "Bearer " + APPLICANT)
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(service.url() + path)).header("Authorization", "Bearer " + APPLICANT)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The award that opens the project, as project-intake publishes it (CloudEvents headers). */
  static void award(String projectId) throws Exception {
    Map<String, Object> award = new java.util.LinkedHashMap<>();
    award.put("proposalId", "prp-" + projectId);
    award.put("projectId", projectId);
    award.put("programId", "prg-2026-jnch-01");
    award.put("programKind", "CHALLENGE");
    award.put("challengeId", "chl-2026-jnch-01-003");
    award.put("organisationCode", ORG);
    award.put("organisationName", "天津津南先进材料研究院");
    award.put("title", "晶界扩散制备技术研究");
    award.put("awardedAmountFen", 280_000_000L);
    award.put("milestones", List.of(
        Map.of("milestoneId", projectId + "-m1", "sequence", 1, "title", "里程碑 1", "deliverables", List.of("交付物 1"),
            "dueDate", "2027-01-31", "tranchePercent", 30),
        Map.of("milestoneId", projectId + "-m2", "sequence", 2, "title", "里程碑 2", "deliverables", List.of("交付物 2"),
            "dueDate", "2027-09-30", "tranchePercent", 70)));
    award.put("principalInvestigator", Map.of("personIdHash", "2c".repeat(32), "maskedId", "1201**********5929",
        "name", "王海燕", "organisationCode", ORG));
    award.put("team", List.of());
    award.put("awardedAt", "2026-07-10T02:00:00Z");
    award.put("awardedBy", "pm-zhao");
    Properties p = new Properties();
    p.put("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>("intake.proposal-events", projectId,
          JSON.writeValueAsString(award).getBytes(StandardCharsets.UTF_8));
      String eventId = UUID.randomUUID().toString();
      for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", eventId},
          {"ce_type", "fundflow.intake.proposal-awarded.v1"}, {"ce_source", "/fundflow/intake"}, {"ce_subject", projectId},
          {"ce_time", Instant.now().toString()}, {"ce_correlationid", "corr-" + eventId},
          {"content-type", "application/json"}}) {
        record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
      }
      producer.send(record).get(30, TimeUnit.SECONDS);
    }
  }
}
