package org.fundflow.milestone.it;

import static org.fundflow.platform.test.BadUploads.pdf;
import static org.fundflow.platform.test.BadUploads.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fundflow.milestone.adapter.out.mongo.GridFsEvidenceFiles;
import org.fundflow.platform.documents.DocumentProperties;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Milestone evidence files (issue 15, docs/adr/0006) over HTTP against the real embedded broker and store (GridFS on
 * mongo-java-server): upload before the report, the report names and freezes them, the event carries their metadata,
 * a new version is a new file, unnamed files go with the sweep. Same configuration as {@link MilestoneReviewIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class EvidenceFilesIT {

  static final String ORG = MilestoneReviewIT.ORG;
  static final String OTHER_ORG = "11120112DAJ3PW352L";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String AUDITOR = TestJwts.token("auditor-qian", "AUDITOR");

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;
  @Autowired DocumentStore store;
  @Autowired GridFsEvidenceFiles evidenceFiles;
  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
        .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
  }

  String newProject(String org) {
    String projectId = ServiceFixture.newId("prj-ev");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, java.util.UUID.randomUUID().toString(),
        MilestoneReviewIT.challengeAward(projectId, org));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/projects/" + projectId)
        .headers(h -> h.setBearerAuth(MilestoneReviewIT.applicant(org))).exchange().returnResult(String.class)
        .getStatus().value() == 200);
    return projectId;
  }

  WebTestClient.ResponseSpec upload(String token, String path, String name, byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(bytes)).filename(name);
    return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(body.build())).exchange();
  }

  JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
    WebTestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
    WebTestClient.ResponseSpec response = body == null ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  JsonNode json(WebTestClient.ResponseSpec response, HttpStatus status) {
    return JSON.readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
  }

  static String evidencePath(String projectId, String milestoneId) {
    return "/projects/" + projectId + "/milestones/" + milestoneId + "/evidence";
  }

  static Map<String, Object> reportNaming(String... fileIds) {
    Map<String, Object> body = new LinkedHashMap<>(MilestoneReviewIT.reportBody());
    body.put("evidenceFileIds", List.of(fileIds));
    return body;
  }

  long chunks() {
    return template.getCollection("documents.chunks").flatMap(c -> Mono.from(c.countDocuments()))
        .block(Duration.ofSeconds(30));
  }

  @Test
  void evidenceUploadedBeforeTheReportIsNamedByItFrozenAndCarriedAsMetadataInTheEvent() throws Exception {
    String projectId = newProject(ORG);
    String m1 = projectId + "-m1";
    String applicant = MilestoneReviewIT.applicant(ORG);
    byte[] bytes = pdf(700_000, 11);
    JsonNode file = json(upload(applicant, evidencePath(projectId, m1), "磁性能检测报告.pdf", bytes), HttpStatus.CREATED);
    String fileId = file.get("fileId").asString();
    assertThat(file.get("sha256").asString()).isEqualTo(sha256Hex(bytes));
    assertThat(file.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(bytes.length);
    assertThat(file.get("uploadedBy").asString()).isEqualTo("applicant-" + ORG);
    assertThat(file.get("reportIds")).isEmpty();
    // pending: the organisation's own; staff and other organisations see nothing of it
    JsonNode pending = call(HttpMethod.GET, evidencePath(projectId, m1), applicant, null, 200);
    assertThat(pending).hasSize(1);
    call(HttpMethod.GET, evidencePath(projectId, m1) + "/" + fileId, MilestoneReviewIT.applicant(OTHER_ORG), null, 404);
    call(HttpMethod.GET, evidencePath(projectId, m1), MilestoneReviewIT.PM, null, 403);

    JsonNode report = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant, reportNaming(fileId), 201);
    String reportId = report.get("reportId").asString();
    JsonNode named = report.get("evidenceFiles").get(0);
    assertThat(named.get("fileId").asString()).isEqualTo(fileId);
    assertThat(named.get("sha256").asString()).isEqualTo(sha256Hex(bytes));
    String href = named.get("href").asString();
    assertThat(href).isEqualTo(MilestoneReviewIT.reportPath(projectId, reportId) + "/evidence/" + fileId);

    // the event names the file (id, name, type, size, sha256), never its bytes
    JsonNode event = JSON.readTree(kafka.awaitEvents(projectId, "milestone-report-submitted.v1", 1).get(0).json());
    JsonNode carried = event.get("evidenceFiles").get(0);
    assertThat(carried.get("fileId").asString()).isEqualTo(fileId);
    assertThat(carried.get("name").asString()).isEqualTo("磁性能检测报告.pdf");
    assertThat(carried.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(carried.get("sizeBytes").asLong()).isEqualTo(bytes.length);
    assertThat(carried.get("sha256").asString()).isEqualTo(sha256Hex(bytes));
    assertThat(event.toString().length()).isLessThan(4_000);

    // the program manager downloads it: name, stored type, ETag, the same bytes; one range
    var whole = http.get().uri(href).headers(h -> h.setBearerAuth(MilestoneReviewIT.PM)).exchange()
        .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(bytes) + "\"")
        .expectHeader().contentLength(bytes.length)
        .expectBody(byte[].class).returnResult();
    assertThat(whole.getResponseBody()).isEqualTo(bytes);
    assertThat(whole.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
        .contains("filename*=UTF-8''");
    byte[] part = http.get().uri(href).headers(h -> {
      h.setBearerAuth(MilestoneReviewIT.PM);
      h.set(HttpHeaders.RANGE, "bytes=300000-400000");
    }).exchange().expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 300000-400000/700000")
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(part).isEqualTo(Arrays.copyOfRange(bytes, 300_000, 400_001));

    // frozen: the organisation can no longer remove it; it stays listed with the report that names it
    JsonNode frozen = call(HttpMethod.DELETE, evidencePath(projectId, m1) + "/" + fileId, applicant, null, 409);
    assertThat(frozen.get("type").asString()).endsWith("/evidence-frozen");
    assertThat(store.find(fileId).block()).isNotNull();
    JsonNode listed = call(HttpMethod.GET, evidencePath(projectId, m1), applicant, null, 200);
    assertThat(listed.get(0).get("reportIds").get(0).asString()).isEqualTo(reportId);
  }

  @Test
  void aPendingFileCanBeRemovedAnUnknownOneRefusesTheReportAndAnotherMilestonesFileIsNotNamed() {
    String projectId = newProject(ORG);
    String m1 = projectId + "-m1";
    String m2 = projectId + "-m2";
    String applicant = MilestoneReviewIT.applicant(ORG);
    String first = json(upload(applicant, evidencePath(projectId, m1), "a.pdf", pdf(2_000, 1)), HttpStatus.CREATED)
        .get("fileId").asString();
    String ofM2 = json(upload(applicant, evidencePath(projectId, m2), "b.pdf", pdf(2_000, 2)), HttpStatus.CREATED)
        .get("fileId").asString();
    call(HttpMethod.DELETE, evidencePath(projectId, m1) + "/" + first, applicant, null, 204);
    assertThat(store.find(first).block()).isNull();

    for (String id : List.of(first, ofM2, "000000000000000000000000", "not-an-id")) {
      JsonNode problem = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant, reportNaming(id), 422);
      assertThat(problem.get("type").asString()).endsWith("/unknown-evidence-file");
    }
    JsonNode project = call(HttpMethod.GET, "/projects/" + projectId, applicant, null, 200);
    assertThat(project.get("reports")).isEmpty();
  }

  @Test
  void aNewVersionIsANewFileAndTheOldOneStaysReadableWithItsReport() throws Exception {
    String projectId = newProject(ORG);
    String m1 = projectId + "-m1";
    String applicant = MilestoneReviewIT.applicant(ORG);
    byte[] v1 = pdf(3_000, 21);
    byte[] v2 = pdf(3_000, 22);
    String first = json(upload(applicant, evidencePath(projectId, m1), "report.pdf", v1), HttpStatus.CREATED)
        .get("fileId").asString();
    String report1 = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant, reportNaming(first), 201)
        .get("reportId").asString();
    // CONDITIONAL: the organisation rectifies with a new version of the file
    List<String> experts = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = ServiceFixture.newId("exp-ev");
      call(HttpMethod.PUT, "/experts/" + id, MilestoneReviewIT.PM, Map.of("name", "专家", "organisationCode",
          MilestoneReviewIT.EXPERT_ORG, "nationalId", "11010819841203824X", "declaredConflicts", List.of()), 200);
      experts.add(id);
    }
    call(HttpMethod.POST, MilestoneReviewIT.panelPath(projectId, report1), MilestoneReviewIT.PM,
        Map.of("expertIds", experts), 200);
    for (String e : experts) {
      call(HttpMethod.POST, MilestoneReviewIT.reportPath(projectId, report1) + "/declaration",
          MilestoneReviewIT.expertToken(e), Map.of("conflict", false), 200);
      call(HttpMethod.PUT, MilestoneReviewIT.reportPath(projectId, report1) + "/evaluation",
          MilestoneReviewIT.expertToken(e), MilestoneReviewIT.scores(70), 200);
    }
    String second = json(upload(applicant, evidencePath(projectId, m1), "report.pdf", v2), HttpStatus.CREATED)
        .get("fileId").asString();
    assertThat(second).isNotEqualTo(first);
    String report2 = call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant, reportNaming(second), 201)
        .get("reportId").asString();

    JsonNode old = call(HttpMethod.GET, MilestoneReviewIT.reportPath(projectId, report1) + "/evidence",
        AUDITOR, null, 200);
    assertThat(old).hasSize(1);
    assertThat(old.get(0).get("fileId").asString()).isEqualTo(first);
    assertThat(old.get(0).get("uploadedBy").asString()).isEqualTo("applicant-" + ORG);
    assertThat(old.get(0).get("uploadedAt").asString()).isNotBlank();
    byte[] oldBytes = http.get().uri(old.get(0).get("href").asString())
        .headers(h -> h.setBearerAuth(AUDITOR)).exchange().expectStatus().isOk()
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(oldBytes).isEqualTo(v1);
    // the first report does not name the new version, the second does
    call(HttpMethod.GET, MilestoneReviewIT.reportPath(projectId, report1) + "/evidence/" + second,
        AUDITOR, null, 404);
    JsonNode current = call(HttpMethod.GET, MilestoneReviewIT.reportPath(projectId, report2) + "/evidence",
        applicant, null, 200);
    assertThat(current.get(0).get("sha256").asString()).isEqualTo(sha256Hex(v2));
  }

  @Test
  void theSweepRemovesAnOldFileNoReportNamesAndKeepsTheNamedOne() {
    String projectId = newProject(ORG);
    String m1 = projectId + "-m1";
    String applicant = MilestoneReviewIT.applicant(ORG);
    String named = json(upload(applicant, evidencePath(projectId, m1), "named.pdf", pdf(40_000, 31)), HttpStatus.CREATED)
        .get("fileId").asString();
    String abandoned = json(upload(applicant, evidencePath(projectId, m1), "left.pdf", pdf(40_000, 32)),
        HttpStatus.CREATED).get("fileId").asString();
    call(HttpMethod.POST, "/projects/" + projectId + "/reports", applicant, reportNaming(named), 201);

    // the wired sweep with no grace, kept to this project's files (other tests' pending files are theirs)
    DocumentProperties p = store.properties();
    DocumentStore noGrace = new DocumentStore(template.getMongoDatabase(), new DocumentProperties(p.bucket(),
        p.maxFileSize(), p.maxRecordSize(), p.allowedTypes(), p.chunkSizeBytes(), Duration.ZERO, p.sweepInterval()),
        java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofSeconds(5)));
    Long removed = noGrace.sweepUnreferencedFiles(old -> evidenceFiles.referenced(old).map(kept -> {
      Set<String> keep = new HashSet<>(kept);
      old.stream().filter(d -> d.ownerId() == null || !d.ownerId().startsWith(projectId + "/")).forEach(d -> keep.add(d.id()));
      return keep;
    })).block(Duration.ofSeconds(60));

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(store.find(abandoned).block()).isNull();
    assertThat(store.find(named).block()).isNotNull();
    JsonNode left = call(HttpMethod.GET, evidencePath(projectId, m1), applicant, null, 200);
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("fileId").asString()).isEqualTo(named);
  }
}
