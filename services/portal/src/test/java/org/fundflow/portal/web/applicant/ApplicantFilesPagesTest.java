package org.fundflow.portal.web.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fundflow.portal.web.StubbedPagesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Issue 15 point 7 and issue 14 point 4 on the applicant's pages, against stubs of milestone-review, post-subsidy and
 * integrity-check (local HTTP servers): milestone evidence uploaded and named by the report, a report's files with
 * who, when and version, claim evidence, downloads streamed through with their headers, refusals next to the file
 * field, and the integrity hold banner of the dashboard.
 */
@SpringBootTest
class ApplicantFilesPagesTest extends StubbedPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Call(String line, Map<String, String> headers, String body) {}

  static final List<Call> CALLS = new CopyOnWriteArrayList<>();

  static final String PROJECT = """
      {"projectId":"prj-1","proposalId":"pr-1","programKind":"GENERAL","organisationName":"津南新材料","title":"高性能复合材料",
       "awardedAmountFen":100000000,"status":"ACTIVE","onHold":false,"nextDueMilestoneId":"m2",
       "milestones":[{"milestoneId":"m1","sequence":1,"title":"样品","deliverables":["样品"],"dueDate":"2027-06-30",
                      "tranchePercent":40,"status":"UNDER_REVIEW"},
                     {"milestoneId":"m2","sequence":2,"title":"中试","deliverables":["中试报告"],"dueDate":"2027-12-31",
                      "tranchePercent":60,"status":"OPEN"}],
       "reports":[{"reportId":"r1","milestoneId":"m1","attempt":1,"status":"UNDER_REVIEW","submittedAt":"2027-06-20T02:00:00Z"}],
       "awardedAt":"2026-12-06T02:00:00Z"}""";
  /** The same project after its report on the next due milestone was sent: under review, nothing to send now. */
  static final String REPORTED = PROJECT.replace("prj-1", "prj-2").replace("\"nextDueMilestoneId\":\"m2\"",
      "\"nextDueMilestoneId\":\"m1\"");
  static final String REPORT_FILE = """
      {"fileId":"f1","name":"检测报告.pdf","mediaType":"application/pdf","sizeBytes":4096,
       "sha256":"b854e0d080551f31c3dcb64d5b52810bb63cefdedf154983c6235fedb197b5e8","uploadedBy":"app-li",
       "uploadedAt":"2027-06-19T03:30:00Z","reportIds":["r1"],"href":"/projects/prj-1/reports/r1/evidence/f1"}""";
  static final String PENDING_FILE = """
      {"fileId":"f2","name":"中试记录.xlsx","mediaType":"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "sizeBytes":1024,"sha256":"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90","uploadedBy":"app-li",
       "uploadedAt":"2027-12-01T03:30:00Z","reportIds":[],"href":"/projects/prj-1/milestones/m2/evidence/f2"}""";
  static final String CLAIM = """
      {"id":"clm-1","programId":"prg-ps","organisationName":"津南新材料","fiscalYear":2026,"expenditureThisYearFen":100000000,
       "expenditureLastYearFen":80000000,"increaseFen":20000000,"auditReportReference":"津审字(2027)第0012号",
       "status":"SUBMITTED","submittedAt":"2027-03-01T02:00:00Z","subsidyFen":0}""";

  static final DisposableServer MILESTONE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/projects/prj-1", (req, res) -> json(req, res, 200, PROJECT))
          .get("/projects/prj-2", (req, res) -> json(req, res, 200, REPORTED))
          .get("/projects/prj-2/reports/r1/evidence", (req, res) -> json(req, res, 200, "[]"))
          .get("/projects/prj-2/milestones/m1/evidence", (req, res) -> json(req, res, 200, "[]"))
          .get("/projects/prj-1/reports/r1/evidence", (req, res) -> json(req, res, 200, "[" + REPORT_FILE + "]"))
          .get("/projects/prj-1/milestones/m2/evidence", (req, res) -> json(req, res, 200, "[" + PENDING_FILE + "]"))
          .get("/projects/prj-1/reports/r1/evidence/f1", (req, res) -> {
            record(req, "");
            boolean ranged = req.requestHeaders().contains("Range");
            return res.status(ranged ? 206 : 200).header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A.pdf")
                .header("ETag", "\"b854e0d0\"").header("Accept-Ranges", "bytes")
                .header("Content-Length", ranged ? "4" : "9")
                .sendString(Mono.just(ranged ? "%PDF" : "%PDF-1.7\n")).then();
          })
          .get("/projects", (req, res) -> json(req, res, 200, "{\"items\":[],\"nextCursor\":null}"))
          .post("/projects/prj-1/milestones/m2/evidence", (req, res) -> req.receive().aggregate().asString()
              .defaultIfEmpty("").flatMap(body -> {
                record(req, body);
                if (body.contains("filename=\"huge.pdf\"")) {
                  return problem(res, 413, "file-too-large");
                }
                return json(req, res, 201, PENDING_FILE);
              }))
          .post("/projects/prj-1/reports", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                return res.status(201).header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"reportId\":\"r2\",\"milestoneId\":\"m2\",\"attempt\":1,\"status\":\"SUBMITTED\"}")).then();
              })))
      .bindNow();

  static final DisposableServer SUBSIDY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/disbursements", (req, res) -> json(req, res, 200,
              "{\"items\":[],\"nextAfter\":null,\"count\":0,\"totalFen\":0}"))
          .get("/claims", (req, res) -> json(req, res, 200,
              "{\"items\":[" + CLAIM + "],\"nextAfter\":null,\"count\":1,\"subsidyTotalFen\":0}"))
          .get("/claims/clm-1", (req, res) -> json(req, res, 200, CLAIM))
          .get("/claims/clm-1/evidence", (req, res) -> json(req, res, 200, """
              [{"fileId":"cf1","claimId":"clm-1","name":"2026年度审计报告.pdf","mediaType":"application/pdf",
                "sizeBytes":2048,"sha256":"3f6c2a9e8d17b45c0a9e1f2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3",
                "uploadedBy":"app-li","uploadedAt":"2027-03-01T03:00:00Z","href":"/claims/clm-1/evidence/cf1"}]"""))
          .get("/claims/clm-other", (req, res) -> problem(res, 404, "not-found"))
          .post("/claims/clm-1/evidence", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if (body.contains("filename=\"empty.pdf\"")) {
                  return problem(res, 400, "empty-file");
                }
                return json(req, res, 201, "{\"fileId\":\"cf2\",\"claimId\":\"clm-1\",\"name\":\"纳税申报表.pdf\","
                    + "\"mediaType\":\"application/pdf\",\"sizeBytes\":9,\"sha256\":\"ab\",\"uploadedBy\":\"app-li\","
                    + "\"uploadedAt\":\"2027-03-01T03:00:00Z\",\"href\":\"/claims/clm-1/evidence/cf2\"}");
              }))
          .post("/claims", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                return json(req, res, 201, CLAIM);
              })))
      .bindNow();

  static final DisposableServer INTEGRITY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r.get("/organisations/" + ORG + "/holds", (req, res) -> json(req, res, 200, """
          {"organisationCode":"%s","onHold":true,"holds":[{"holdId":"hold-1","startsAt":"2026-12-01T00:00:00Z",
           "endsAt":"2029-12-31T16:00:00Z","blocks":["SUBMISSIONS","PAYMENTS"]}]}""".formatted(ORG))))
      .bindNow();

  static boolean record(HttpServerRequest req, String body) {
    Map<String, String> headers = new ConcurrentHashMap<>();
    req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
    CALLS.add(new Call(req.method().name() + " " + req.uri(), headers, body));
    return true;
  }

  static Mono<Void> json(HttpServerRequest req, HttpServerResponse res, int status, String body) {
    if (req.method().name().equals("GET")) {
      record(req, "");
    }
    return res.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
  }

  static Mono<Void> problem(HttpServerResponse res, int status, String slug) {
    return res.status(status).header("Content-Type", "application/problem+json").sendString(Mono.just(
        "{\"type\":\"https://fundflow.org/problems/" + slug + "\",\"title\":\"x\",\"status\":" + status
            + ",\"detail\":\"technical detail\"}")).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:" + MILESTONE.port());
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:" + SUBSIDY.port());
    registry.add("portal.services.integrity-check.url", () -> "http://127.0.0.1:" + INTEGRITY.port());
    registry.add("portal.services.project-intake.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.milestone-review.timeout", () -> "20s");
    registry.add("portal.services.post-subsidy.timeout", () -> "20s");
    registry.add("portal.services.integrity-check.timeout", () -> "20s");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @AfterAll
  static void stop() {
    MILESTONE.disposeNow();
    SUBSIDY.disposeNow();
    INTEGRITY.disposeNow();
    MONGO.shutdownNow();
  }


  @BeforeEach
  void clear() {
    CALLS.clear();
  }

  static OidcLoginMutator applicant() {
    return org.fundflow.portal.web.PageTests.login("app-li",
        java.util.Map.of("name", "李伟", "org_code", ORG, "org_name", "津南新材料"), "APPLICANT");
  }

  String page(String uri) {
    return web.mutateWith(applicant()).get().uri(uri).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  Call last(String prefix) {
    return CALLS.stream().filter(c -> c.line().startsWith(prefix)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no call " + prefix + " in " + CALLS));
  }

  static MultipartBodyBuilder file(String name, String content, MediaType type) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }).contentType(type);
    return parts;
  }

  WebTestClient.ResponseSpec upload(String uri, MultipartBodyBuilder parts) {
    return web.mutateWith(applicant()).mutateWith(csrf()).post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(parts.build())).exchange();
  }

  @Test
  void theDashboardShowsTheOrganisationsHoldWithItsEndInBeijingTimeAndWhatItBlocks() {
    String html = page("/applicant");
    assertThat(last("GET /organisations/").line()).isEqualTo("GET /organisations/" + ORG + "/holds");
    assertThat(html).contains("id=\"integrity-hold\"").contains("本单位正处于科研诚信限制期")
        .contains("限制期至 2030-01-01 00:00（北京时间）").contains("提交申报、获得新项目立项")
        .contains("向本单位拨款");
  }

  @Test
  void theProjectPageShowsEachReportsFilesWithWhoWhenAndVersion_andThePendingFilesGoWithTheReport() {
    String html = page("/applicant/projects/prj-1");
    assertThat(html).contains("检测报告.pdf").contains("/applicant/projects/prj-1/reports/r1/evidence/f1")
        .contains("由 app-li 于 2027-06-19 11:30 上传").contains("第 1 版")
        .contains("中试记录.xlsx").contains("/applicant/projects/prj-1/milestones/m2/evidence/f2")
        .contains("name=\"evidenceFileIds\"").contains("value=\"f2\"")
        .contains("action=\"/applicant/projects/prj-1/milestones/m2/evidence\"").contains("enctype=\"multipart/form-data\"");
    assertThat(html).doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");

    web.mutateWith(applicant()).mutateWith(csrf()).post().uri("/applicant/projects/prj-1/reports")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("idempotencyKey", "key-1").with("milestoneId", "m2")
            .with("deliverablesMet", "中试报告").with("spendingToDate", "1,234.50").with("evidenceFileIds", "f2"))
        .exchange().expectStatus().isSeeOther();
    assertThat(last("POST /projects/prj-1/reports").body()).contains("\"evidenceFileIds\":[\"f2\"]")
        .contains("\"spendingToDateFen\":123450");
  }

  @Test
  void onceTheReportIsSentTheFormIsNoLongerOffered_thePageSaysItIsUnderReviewSinceWhen() {
    String html = page("/applicant/projects/prj-2");
    assertThat(html).contains("id=\"report-under-review\"").contains("报告已于 2027-06-20 10:00 提交，正在评审中")
        .doesNotContain("action=\"/applicant/projects/prj-2/reports\"").doesNotContain("name=\"spendingToDate\"")
        .doesNotContain("/milestones/m1/evidence\"");
    assertThat(page("/applicant/projects/prj-1")).contains("name=\"spendingToDate\"")
        .doesNotContain("report-under-review");
  }

  @Test
  void anEvidenceFileIsStreamedThroughToTheMilestone_aTooLargeOneIsRefusedNextToTheFileField() {
    upload("/applicant/projects/prj-1/milestones/m2/evidence", file("中试记录.pdf", "%PDF-1.7\n", MediaType.APPLICATION_PDF))
        .expectStatus().isSeeOther().expectHeader().valueEquals("Location", "/applicant/projects/prj-1#evidence");
    assertThat(last("POST /projects/prj-1/milestones/m2/evidence").body()).contains("name=\"file\"").contains("%PDF-1.7");

    String refused = upload("/applicant/projects/prj-1/milestones/m2/evidence",
        file("huge.pdf", "%PDF-1.7\n", MediaType.APPLICATION_PDF))
        .expectStatus().isEqualTo(413).expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"evidence-error\"").contains("文件太大：单个文件不能超过 20 MB。")
        .contains("aria-invalid=\"true\"").doesNotContain("technical detail");

    MultipartBodyBuilder noFile = new MultipartBodyBuilder();
    noFile.part("note", "no file chosen");
    String none = upload("/applicant/projects/prj-1/milestones/m2/evidence", noFile)
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(none).contains("请先选择要上传的文件");
  }

  @Test
  void aReportFileDownloadsWithTheServicesNameTypeETagAndRange() {
    var full = web.mutateWith(applicant()).get().uri("/applicant/projects/prj-1/reports/r1/evidence/f1").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Content-Disposition",
            "attachment; filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A.pdf")
        .expectHeader().contentType("application/pdf").expectHeader().valueEquals("ETag", "\"b854e0d0\"")
        .expectHeader().valueEquals("Accept-Ranges", "bytes")
        .expectBody(String.class).returnResult();
    assertThat(full.getResponseBody()).isEqualTo("%PDF-1.7\n");
    var part = web.mutateWith(applicant()).get().uri("/applicant/projects/prj-1/reports/r1/evidence/f1")
        .header("Range", "bytes=0-3").exchange().expectStatus().isEqualTo(206).expectBody(String.class).returnResult();
    assertThat(part.getResponseBody()).isEqualTo("%PDF");
    assertThat(last("GET /projects/prj-1/reports/r1/evidence/f1").headers()).containsEntry("range", "bytes=0-3");
  }

  @Test
  void theApplicantListsSubmitsAndAttachesEvidenceToItsClaims_anEmptyFileIsRefusedNextToTheField() {
    String list = page("/applicant/claims");
    assertThat(list).contains("研发投入后补助申请").contains("/applicant/claims/clm-1").contains("待核定")
        .contains("action=\"/applicant/claims\"");

    web.mutateWith(applicant()).mutateWith(csrf()).post().uri("/applicant/claims")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("programId", "prg-ps").with("fiscalYear", "2026")
            .with("thisYear", "1,000,000.00").with("lastYear", "800,000").with("auditReference", "津审字(2027)第0012号"))
        .exchange().expectStatus().isSeeOther().expectHeader().valueEquals("Location", "/applicant/claims/clm-1");
    assertThat(last("POST /claims").body()).contains("\"expenditureThisYearFen\":100000000")
        .contains("\"expenditureLastYearFen\":80000000").contains("\"fiscalYear\":2026");

    String bad = web.mutateWith(applicant()).mutateWith(csrf()).post().uri("/applicant/claims")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("programId", "prg-ps").with("fiscalYear", "26")
            .with("thisYear", "1.234").with("lastYear", "0").with("auditReference", "x"))
        .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(bad).contains("id=\"fiscalYear-error\"").contains("id=\"thisYear-error\"");

    String claim = page("/applicant/claims/clm-1");
    assertThat(claim).contains("2026年度审计报告.pdf").contains("/applicant/claims/clm-1/evidence/cf1")
        .contains("由 app-li 于 2027-03-01 11:00 上传").contains("action=\"/applicant/claims/clm-1/evidence\"");

    upload("/applicant/claims/clm-1/evidence", file("纳税申报表.pdf", "%PDF-1.7\n", MediaType.APPLICATION_PDF))
        .expectStatus().isSeeOther().expectHeader().valueEquals("Location", "/applicant/claims/clm-1#evidence");
    assertThat(last("POST /claims/clm-1/evidence").body()).contains("%PDF-1.7");
    String refused = upload("/applicant/claims/clm-1/evidence", file("empty.pdf", " ", MediaType.APPLICATION_PDF))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"evidence-error\"").contains("文件是空的。");

    web.mutateWith(applicant()).get().uri("/applicant/claims/clm-other").exchange().expectStatus().isNotFound();
  }
}
