package org.fundflow.intake.it;

import static org.fundflow.platform.test.BadUploads.pdf;
import static org.fundflow.platform.test.BadUploads.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Proposal files (issue 15) over HTTP against the real embedded store (GridFS on mongo-java-server). */
class ProposalFilesIT extends IntakeIT {

  static final String ORG = ORGS.get(3);
  static final String OTHER = ORGS.get(4);

  @Autowired ReactiveMongoTemplate template;

  @BeforeEach
  void slowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(120))
        .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build(); // the test reads whole files
  }

  WebTestClient.ResponseSpec upload(String token, String proposalId, String name, byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(bytes)).filename(name).contentType(MediaType.APPLICATION_PDF);
    return web.post().uri("/proposals/" + proposalId + "/files").headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
  }

  WebTestClient.ResponseSpec download(String token, String href, String range) {
    return web.get().uri(href).headers(h -> {
      h.setBearerAuth(token);
      if (range != null) {
        h.set(HttpHeaders.RANGE, range);
      }
    }).exchange();
  }

  long chunks() {
    return template.getCollection("documents.chunks").flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))
        .block(Duration.ofSeconds(30));
  }

  String generalProgram() {
    return openProgram("GENERAL", 1_000_000_000, 50_000_000);
  }

  @Test
  void aPdfGoesUpAndComesDownIdenticalWithItsShaTypeNameAndEtag() throws Exception {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    byte[] bytes = pdf(1_500_000, 1);
    Map<String, Object> file = json(upload(applicant(ORG), proposal, "申报书.pdf", bytes), HttpStatus.CREATED);
    assertThat(file.get("sha256")).isEqualTo(sha256Hex(bytes));
    assertThat(file.get("mediaType")).isEqualTo("application/pdf");
    assertThat(((Number) file.get("sizeBytes")).longValue()).isEqualTo(bytes.length);
    assertThat(file.get("uploadedBy")).isEqualTo("applicant-" + ORG);
    assertThat(file.get("uploadedAt")).isNotNull();
    String href = (String) file.get("href");

    var result = download(applicant(ORG), href, null).expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_PDF)
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(bytes) + "\"")
        .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
        .expectHeader().contentLength(bytes.length)
        .expectBody(byte[].class).returnResult();
    assertThat(result.getResponseBody()).isEqualTo(bytes);
    String disposition = result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6.pdf");

    List<?> listed = get(applicant(ORG), "/proposals/" + proposal + "/files").expectStatus().isOk()
        .expectBody(List.class).returnResult().getResponseBody();
    assertThat(listed).hasSize(1);

    // the same ETag again: 304, no body
    String etag = "\"" + sha256Hex(bytes) + "\"";
    web.get().uri(href).headers(h -> {
      h.setBearerAuth(applicant(ORG));
      h.setIfNoneMatch(etag);
    }).exchange().expectStatus().isNotModified();
  }

  @Test
  void aRangeIs206WithJustThoseBytes() throws Exception {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    byte[] bytes = pdf(700_000, 2);
    String href = (String) json(upload(applicant(ORG), proposal, "plan.pdf", bytes), HttpStatus.CREATED).get("href");

    byte[] part = download(applicant(ORG), href, "bytes=260000-530000").expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 260000-530000/700000")
        .expectHeader().contentLength(270_001)
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(part).isEqualTo(Arrays.copyOfRange(bytes, 260_000, 530_001));

    byte[] tail = download(applicant(ORG), href, "bytes=-100").expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(tail).isEqualTo(Arrays.copyOfRange(bytes, 699_900, 700_000));

    download(applicant(ORG), href, "bytes=900000-").expectStatus().isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */700000");
  }

  @Test
  void aFileOverTwentyMegabytesIs413AndLeavesNoChunks() {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    long before = chunks();
    Map<String, Object> problem = json(upload(applicant(ORG), proposal, "big.pdf", pdf(20 * 1024 * 1024 + 1, 3)),
        HttpStatus.CONTENT_TOO_LARGE);
    assertProblem(problem, "file-too-large");
    assertThat(chunks()).isEqualTo(before);
    assertThat(get(applicant(ORG), "/proposals/" + proposal + "/files").expectBody(List.class).returnResult()
        .getResponseBody()).isEmpty();
  }

  @Test
  void anExecutableOrTextNamedPdfIs415() {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    long before = chunks();
    assertProblem(json(upload(applicant(ORG), proposal, "report.pdf", exe), HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        "file-type-not-allowed");
    assertProblem(json(upload(applicant(ORG), proposal, "report.pdf", "just text, not a PDF\n".getBytes(StandardCharsets.UTF_8)),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE), "file-type-not-allowed");
    assertThat(chunks()).isEqualTo(before);
  }

  @Test
  void anEmptyFileOrNoFilePartIs400() {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    assertProblem(json(upload(applicant(ORG), proposal, "empty.pdf", new byte[0]), HttpStatus.BAD_REQUEST), "empty-file");
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("note", "no file here");
    json(web.post().uri("/proposals/" + proposal + "/files").headers(h -> h.setBearerAuth(applicant(ORG)))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange(),
        HttpStatus.BAD_REQUEST);
    // a body that is not multipart at all, under a multipart content type
    web.post().uri("/proposals/" + proposal + "/files").headers(h -> h.setBearerAuth(applicant(ORG)))
        .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz").bodyValue("garbage without boundaries")
        .exchange().expectStatus().isBadRequest();
  }

  @Test
  void anotherOrganisationSees404AndAnAuditorReads() throws Exception {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    byte[] bytes = pdf(10_000, 4);
    String href = (String) json(upload(applicant(ORG), proposal, "a.pdf", bytes), HttpStatus.CREATED).get("href");

    download(applicant(OTHER), href, null).expectStatus().isNotFound();
    get(applicant(OTHER), "/proposals/" + proposal + "/files").expectStatus().isNotFound();
    upload(applicant(OTHER), proposal, "b.pdf", bytes).expectStatus().isNotFound();

    assertThat(download(auditor(), href, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
        .getResponseBody()).isEqualTo(bytes);
    assertThat(download(manager(), href, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
        .getResponseBody()).isEqualTo(bytes);
    get(auditor(), "/proposals/" + proposal + "/files").expectStatus().isOk();
    upload(auditor(), proposal, "c.pdf", bytes).expectStatus().isForbidden();
    web.delete().uri(href).headers(h -> h.setBearerAuth(auditor())).exchange().expectStatus().isForbidden();
    // a file id of another proposal is not found under this one
    String other = draft(generalProgram(), ORG, 1_000_000);
    download(applicant(ORG), href.replace(proposal, other), null).expectStatus().isNotFound();
  }

  @Test
  void aDraftsFileCanBeRemovedButASubmittedProposalsFilesStayAndTheEventCarriesTheirMetadata() throws Exception {
    String proposal = draft(generalProgram(), ORG, 1_000_000);
    String removed = (String) json(upload(applicant(ORG), proposal, "old.pdf", pdf(5_000, 5)), HttpStatus.CREATED).get("href");
    web.delete().uri(removed).headers(h -> h.setBearerAuth(applicant(ORG))).exchange().expectStatus().isNoContent();
    download(applicant(ORG), removed, null).expectStatus().isNotFound();

    byte[] bytes = pdf(6_000, 6);
    Map<String, Object> kept = json(upload(applicant(ORG), proposal, "预算.pdf", bytes), HttpStatus.CREATED);
    String href = (String) kept.get("href");
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.proposal-events")) {
      json(submit(ORG, proposal, "key-" + proposal, pledge()), HttpStatus.OK);

      assertProblem(json(web.delete().uri(href).headers(h -> h.setBearerAuth(applicant(ORG))).exchange(), HttpStatus.CONFLICT),
          "illegal-transition");
      upload(applicant(ORG), proposal, "new.pdf", pdf(6_000, 7)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
      assertThat(download(applicant(ORG), href, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
          .getResponseBody()).isEqualTo(bytes);

      JsonNode data = submittedEvent(consumer, proposal);
      assertThat(data.get("attachments")).hasSize(1);
      JsonNode a = data.get("attachments").get(0);
      assertThat(a.get("fileId").asString()).isEqualTo(kept.get("fileId"));
      assertThat(a.get("name").asString()).isEqualTo("预算.pdf");
      assertThat(a.get("mediaType").asString()).isEqualTo("application/pdf");
      assertThat(a.get("sizeBytes").asLong()).isEqualTo(6_000);
      assertThat(a.get("sha256").asString()).isEqualTo(sha256Hex(bytes));
      assertThat(a.size()).as("metadata only, no bytes").isEqualTo(6);
      var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
          .getSchema(getClass().getResourceAsStream("/schemas/project-intake/proposal-submitted.v1.schema.json"));
      assertThat(schema.validate(data.toString(), com.networknt.schema.InputFormat.JSON)).as("valid against the schema").isEmpty();
      var wrong = (tools.jackson.databind.node.ObjectNode) data.deepCopy();
      ((tools.jackson.databind.node.ObjectNode) wrong.get("attachments").get(0)).put("sha256", "not-a-sha");
      assertThat(schema.validate(wrong.toString(), com.networknt.schema.InputFormat.JSON))
          .as("the schema describes attachments").isNotEmpty();
    }
  }

  @Autowired org.fundflow.platform.documents.DocumentStore store;
  @Autowired org.fundflow.intake.adapter.out.mongo.GridFsProposalFiles proposalFiles;

  @Test
  void theSweepRemovesTheFilesOfADeletedDraftOnceTheGracePeriodIsOver() throws Exception {
    String program = generalProgram();
    String deleted = draft(program, ORG, 1_000_000);
    String kept = draft(program, ORG, 1_000_000);
    String gone = (String) json(upload(applicant(ORG), deleted, "a.pdf", pdf(3_000, 8)), HttpStatus.CREATED).get("fileId");
    String stays = (String) json(upload(applicant(ORG), kept, "b.pdf", pdf(3_000, 9)), HttpStatus.CREATED).get("fileId");
    web.delete().uri("/proposals/" + deleted).headers(h -> h.setBearerAuth(applicant(ORG))).exchange()
        .expectStatus().isNoContent();

    // within the grace period (the wired sweep, as it runs): nothing is removed
    store.sweepOrphans(proposalFiles::existing).block(Duration.ofSeconds(60));
    assertThat(store.find(gone).block()).isNotNull();
    // two hours later (the grace period is one hour): the deleted draft's file goes, the other stays
    var later = new org.fundflow.platform.documents.DocumentStore(template.getMongoDatabase(), store.properties(),
        java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(2)));
    later.sweepOrphans(proposalFiles::existing).block(Duration.ofSeconds(60));
    assertThat(store.find(gone).block()).isNull();
    assertThat(store.find(stays).block()).isNotNull();
  }

  static JsonNode submittedEvent(KafkaConsumer<String, byte[]> consumer, String proposalId) {
    JsonMapper mapper = new JsonMapper();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (proposalId.equals(r.key()) && "fundflow.intake.proposal-submitted.v1".equals(header(r, "ce_type"))) {
          return mapper.readTree(r.value());
        }
      }
    }
    throw new AssertionError("no proposal-submitted event for " + proposalId);
  }
}
