package org.fundflow.portal.web.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundflow.portal.web.PageTests;
import org.fundflow.portal.web.StubbedPagesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The integrity pages with the portal's real security chain against a stub of integrity-check (a local HTTP server that
 * records what it was sent): queues with filters through the service, what the auditor is not offered, If-Match and
 * Idempotency-Key per form, field errors next to the field, the import preview before the import, and the national ID
 * that is never shown back.
 */
@SpringBootTest
class IntegrityPagesTest extends StubbedPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final String PERSON_ID = "120101198004135929";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  /** What the stub received: "METHOD path?query" -> headers and body. */
  record Call(String line, Map<String, String> headers, String body) {}

  static final List<Call> CALLS = new CopyOnWriteArrayList<>();
  static final AtomicInteger IMPORTS = new AtomicInteger();
  static final Map<String, String> STATE = new ConcurrentHashMap<>();

  static final String HOLD = """
      {"holdId":"hold-1","subject":{"type":"ORGANISATION","id":"%s"},"reason":"列入严重失信名单","caseId":null,
       "flagId":"flag-1","startsAt":"2026-12-01T00:00:00Z","endsAt":"2029-12-31T16:00:00Z","placedBy":"rule/dishonesty-list/v1",
       "placedAt":"2026-12-01T00:00:00Z","status":"ACTIVE"}""".formatted(ORG);
  static final String FLAG = """
      {"flagId":"flag-1","rule":{"code":"DISHONESTY_LIST","name":"dishonesty-list","version":1},
       "subject":{"type":"ORGANISATION","id":"%s"},"severity":"CRITICAL",
       "evidence":[{"eventId":"e1","eventType":"import","description":"列入严重失信名单：天津市科学技术局","values":{}}],
       "raisedAt":"2026-12-01T00:00:00Z"}""".formatted(ORG);
  static final String CASE = """
      {"caseId":"case-1","subject":{"type":"ORGANISATION","id":"%s"},"flagIds":["flag-1"],"status":"INVESTIGATING",
       "severity":"CRITICAL","steps":[{"action":"OPENED","statusAfter":"OPEN","by":"officer","at":"2026-12-02T00:00:00Z"},
       {"action":"INVESTIGATION_STARTED","statusAfter":"INVESTIGATING","by":"officer","at":"2026-12-02T01:00:00Z"}],
       "holdIds":[]}""".formatted(ORG);

  static final DisposableServer INTEGRITY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/flags", (req, res) -> json(record(req, ""), res, 200,
              "{\"items\":[{\"flag\":" + FLAG + ",\"status\":\"NEW\",\"caseId\":null}],\"nextCursor\":\"c2\"}"))
          .get("/holds", (req, res) -> json(record(req, ""), res, 200, "{\"items\":[" + HOLD + "],\"nextCursor\":null}"))
          .get("/cases/case-1", (req, res) -> {
            record(req, "");
            return res.header("ETag", "\"2\"").header("Content-Type", "application/json").sendString(Mono.just(CASE));
          })
          .get("/integrity-records/organisations/" + ORG, (req, res) -> json(record(req, ""), res, 200,
              "{\"subject\":{\"type\":\"ORGANISATION\",\"id\":\"" + ORG + "\"},\"onHold\":true,\"flags\":[" + FLAG
                  + "],\"cases\":[],\"holds\":[" + HOLD + "],\"listEntries\":[]}"))
          // issue 15 point 7: case evidence files
          .get("/cases/case-1/evidence", (req, res) -> json(record(req, ""), res, 200, """
              [{"fileId":"file-1","caseId":"case-1","name":"审计报告.pdf","mediaType":"application/pdf","sizeBytes":2048,
                "sha256":"5d41402abc4b2a76b9719d911017c592ae2f1b7e6c5d4a3b2c1d0e9f8a7b6c5d","uploadedBy":"officer-qian",
                "uploadedAt":"2026-12-02T02:00:00Z","href":"/cases/case-1/evidence/file-1"}]"""))
          .get("/cases/case-1/evidence/file-1", (req, res) -> {
            record(req, "");
            return res.header("Content-Type", "application/pdf").header("Content-Length", "9")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%8A%A5%E5%91%8A.pdf")
                .header("ETag", "\"5d41402a\"").header("Accept-Ranges", "bytes")
                .sendString(Mono.just("%PDF-1.7\n")).then();
          })
          .post("/cases/case-1/evidence", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if (body.contains("filename=\"tool.exe\"")) {
                  return problem(res, 415, "file-type-not-allowed", "[]");
                }
                return res.status(201).header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"fileId\":\"file-2\",\"caseId\":\"case-1\",\"name\":\"x.pdf\",\"mediaType\":\"application/pdf\","
                        + "\"sizeBytes\":9,\"sha256\":\"ab\",\"uploadedBy\":\"o\",\"uploadedAt\":\"2026-12-02T02:00:00Z\","
                        + "\"href\":\"/cases/case-1/evidence/file-2\"}")).then();
              }))
          .post("/cases/case-1/interim-holds", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if (body.contains("\"reason\":\"\"")) {
                  return problem(res, 400, "validation", "[{\"field\":\"reason\",\"message\":\"must not be blank\"}]");
                }
                return Mono.empty().then(res.header("Content-Type", "application/json").sendString(Mono.just(CASE)).then());
              }))
          .post("/holds/hold-1/lift", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if ("lifted".equals(STATE.get("hold-1"))) {
                  return problem(res, 409, "hold-already-lifted", "[]");
                }
                STATE.put("hold-1", "lifted");
                return res.header("Content-Type", "application/json").sendString(Mono.just(HOLD)).then();
              }))
          .post("/dishonesty-list/imports/preview", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> json(record(req, body), res, 200,
                  "{\"rows\":2,\"imported\":1,\"unchanged\":0,\"rejected\":[{\"row\":3,\"reason\":\"invalid organisation code\"}],"
                      + "\"knownParties\":1}")))
          .post("/dishonesty-list/imports", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                IMPORTS.incrementAndGet();
                return json(record(req, body), res, 200,
                    "{\"rows\":2,\"imported\":1,\"unchanged\":0,\"rejected\":[{\"row\":3,\"reason\":\"invalid organisation code\"}]}");
              }))
          .post("/integrity-records/persons/lookup", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> json(record(req, body), res, 200,
                  "{\"subject\":{\"type\":\"PERSON\",\"id\":\"0123456789abcdef0123\"},\"onHold\":false,\"flags\":[],"
                      + "\"cases\":[],\"holds\":[],\"listEntries\":[]}"))))
      .bindNow();

  static boolean record(reactor.netty.http.server.HttpServerRequest req, String body) {
    Map<String, String> headers = new ConcurrentHashMap<>();
    req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
    CALLS.add(new Call(req.method().name() + " " + req.uri(), headers, body));
    return true;
  }

  static Mono<Void> json(boolean recorded, reactor.netty.http.server.HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
  }

  static Mono<Void> problem(reactor.netty.http.server.HttpServerResponse res, int status, String slug, String errors) {
    return res.status(status).header("Content-Type", "application/problem+json").sendString(Mono.just(
        "{\"type\":\"https://fundflow.org/problems/" + slug + "\",\"title\":\"x\",\"status\":" + status
            + ",\"detail\":\"refused\",\"errors\":" + errors + "}")).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PageTests.stubbed(registry, MONGO_ADDRESS, "http://127.0.0.1:" + INTEGRITY.port(), "20s", "integrity-check");
  }

  @AfterAll
  static void stop() {
    INTEGRITY.disposeNow();
    MONGO.shutdownNow();
  }


  @BeforeEach
  void clear() {
    CALLS.clear();
  }

  static OidcLoginMutator as(String role) {
    return PageTests.login(role.toLowerCase(), "张敏", role);
  }

  String page(String role, String uri) {
    return web.mutateWith(as(role)).get().uri(uri).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  Call last(String prefix) {
    return CALLS.stream().filter(c -> c.line().startsWith(prefix)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no call " + prefix + " in " + CALLS));
  }

  @Test
  void theOfficerSeesTheFlagQueueFilteredByTheService_andMayOpenACase_theAuditorIsNotOfferedIt() {
    String officer = page("INTEGRITY_OFFICER", "/integrity/flags?rule=DISHONESTY_LIST&severity=CRITICAL&status=NEW");
    assertThat(last("GET /flags").line()).contains("rule=DISHONESTY_LIST").contains("severity=CRITICAL")
        .contains("status=NEW").contains("limit=20");
    assertThat(officer).contains("严重失信名单").contains("严重").contains("待处理").contains(ORG)
        .contains("action=\"/integrity/cases\"").containsPattern("name=\"_csrf\" value=\"[^\"]+\"")
        .containsPattern("name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\"")
        // the next page keeps the filters
        .contains("/integrity/flags?rule=DISHONESTY_LIST&amp;severity=CRITICAL&amp;status=NEW&amp;after=c2");
    assertThat(officer).doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");

    String auditor = page("AUDITOR", "/integrity/flags");
    assertThat(auditor).contains(ORG).doesNotContain("action=\"/integrity/cases\"");
    assertThat(page("AUDITOR", "/integrity/holds")).contains("限制中").doesNotContain("/lift");
    assertThat(page("INTEGRITY_OFFICER", "/integrity/holds?status=ACTIVE")).contains("/integrity/holds/hold-1/lift");
  }

  /** Issue 15 point 7: the officer's case page lists, uploads and downloads case evidence, streamed through. */
  @Test
  void theCasePageListsUploadsAndDownloadsCaseEvidence_aRefusedTypeIsShownNextToTheFileField() {
    String html = page("INTEGRITY_OFFICER", "/integrity/cases/case-1");
    assertThat(html).contains("证据材料").contains("审计报告.pdf").contains("/integrity/cases/case-1/evidence/file-1")
        .contains("由 officer-qian 于 2026-12-02 10:00 上传").contains("enctype=\"multipart/form-data\"")
        .contains("action=\"/integrity/cases/case-1/evidence\"");
    assertThat(page("AUDITOR", "/integrity/cases/case-1")).contains("审计报告.pdf")
        .doesNotContain("action=\"/integrity/cases/case-1/evidence\"");

    var download = web.mutateWith(as("INTEGRITY_OFFICER")).get().uri("/integrity/cases/case-1/evidence/file-1")
        .exchange().expectStatus().isOk()
        .expectHeader().valueEquals("Content-Disposition",
            "attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%8A%A5%E5%91%8A.pdf")
        .expectHeader().valueEquals("ETag", "\"5d41402a\"").expectHeader().contentType("application/pdf")
        .expectBody(String.class).returnResult();
    assertThat(download.getResponseBody()).isEqualTo("%PDF-1.7\n");

    var parts = new org.springframework.http.client.MultipartBodyBuilder();
    parts.part("file", new org.springframework.core.io.ByteArrayResource("MZ".getBytes()) {
      @Override
      public String getFilename() {
        return "tool.exe";
      }
    }).contentType(MediaType.APPLICATION_OCTET_STREAM);
    String refused = web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post()
        .uri("/integrity/cases/case-1/evidence").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(parts.build())).exchange()
        .expectStatus().isEqualTo(415).expectBody(String.class).returnResult().getResponseBody();
    assertThat(last("POST /cases/case-1/evidence").body()).contains("filename=\"tool.exe\"").contains("MZ");
    assertThat(refused).contains("id=\"evidence-error\"").contains("不支持此文件类型")
        .contains("aria-invalid=\"true\"").doesNotContain("refused");

    var pdf = new org.springframework.http.client.MultipartBodyBuilder();
    pdf.part("file", new org.springframework.core.io.ByteArrayResource("%PDF-1.7\n".getBytes()) {
      @Override
      public String getFilename() {
        return "询问笔录.pdf";
      }
    }).contentType(MediaType.APPLICATION_PDF);
    web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post()
        .uri("/integrity/cases/case-1/evidence").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(pdf.build())).exchange()
        .expectStatus().is3xxRedirection().expectHeader().valueEquals("Location", "/integrity/cases/case-1#evidence-h");
    assertThat(last("POST /cases/case-1/evidence").body()).contains("%PDF-1.7").contains("name=\"file\"");
  }

  @Test
  void otherRolesCannotOpenTheIntegrityPages() {
    web.mutateWith(as("APPLICANT")).get().uri("/integrity/flags").exchange().expectStatus().isForbidden();
    web.mutateWith(as("FINANCE_OFFICER")).get().uri("/integrity/cases").exchange().expectStatus().isForbidden();
  }

  @Test
  void theCasePageSendsTheCasesETagAndAKeyPerForm_andShowsTheServicesFieldErrorNextToTheField() {
    String html = page("INTEGRITY_OFFICER", "/integrity/cases/case-1");
    assertThat(html).contains("核查中").contains("name=\"etag\" value=\"&quot;2&quot;\"")
        .contains("/integrity/cases/case-1/interim-holds").contains("/integrity/cases/case-1/decision")
        .contains("/integrity/holds/hold-1/lift");
    assertThat(page("AUDITOR", "/integrity/cases/case-1")).contains("核查中").doesNotContain("interim-holds")
        .doesNotContain("/decision").doesNotContain("/lift").doesNotContain("name=\"etag\"");

    String refused = web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post()
        .uri("/integrity/cases/case-1/interim-holds").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("reason", "").with("years", "2").with("etag", "\"2\"")
            .with("idempotencyKey", "key-ih-1"))
        .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    Call sent = last("POST /cases/case-1/interim-holds");
    assertThat(sent.headers()).containsEntry("if-match", "\"2\"").containsEntry("idempotency-key", "key-ih-1");
    assertThat(sent.body()).contains("\"years\":2").doesNotContain("\"2\"");
    assertThat(refused).contains("id=\"ih-reason-error\"").contains("请填写理由")
        .contains("aria-describedby=\"ih-reason-error\"").contains("aria-invalid=\"true\"")
        .doesNotContain("must not be blank");

    web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post()
        .uri("/integrity/cases/case-1/interim-holds").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("reason", "立案核查期间预防性限制").with("etag", "\"2\"").with("idempotencyKey", "k2"))
        .exchange().expectStatus().is3xxRedirection().expectHeader().location("/integrity/cases/case-1");
  }

  @Test
  void liftingAHoldSendsTheReason_aSecondLiftShowsItIsLiftedAlready_andAFormWithoutCsrfIsRefused() {
    STATE.clear();
    web.mutateWith(as("INTEGRITY_OFFICER")).post().uri("/integrity/holds/hold-1/lift")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("reason", "已整改"))
        .exchange().expectStatus().isForbidden();
    assertThat(CALLS).noneMatch(c -> c.line().startsWith("POST /holds"));

    web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post().uri("/integrity/holds/hold-1/lift")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("reason", "已整改").with("idempotencyKey", "lift-1").with("back", "https://evil.example/"))
        .exchange().expectStatus().is3xxRedirection().expectHeader().location("/integrity/holds");
    Call lift = last("POST /holds/hold-1/lift");
    assertThat(lift.body()).contains("已整改");
    assertThat(lift.headers()).containsEntry("idempotency-key", "lift-1");

    String again = web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post().uri("/integrity/holds/hold-1/lift")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("reason", "再次").with("caseId", "case-1"))
        .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
    assertThat(again).contains("该限制措施已解除");
  }

  @Test
  void theImportShowsTheRowErrorsFirst_andImportsOnlyOnConfirmOnce() {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource(("partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,"
        + "effectiveDate,endDate\nORGANISATION," + ORG + ",某公司,m,s,a,l,2026-01-01,\n").getBytes()) {
      @Override
      public String getFilename() {
        return "list.csv";
      }
    });
    int before = IMPORTS.get();
    web.mutateWith(as("INTEGRITY_OFFICER")).post().uri("/integrity/import/preview")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
        .exchange().expectStatus().isForbidden();
    assertThat(CALLS).noneMatch(c -> c.line().startsWith("POST /dishonesty-list"));
    var preview = web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post().uri("/integrity/import/preview")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
        .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
    String html = preview.getResponseBody();
    assertThat(html).contains("invalid organisation code").contains("导入预览").contains("确认导入");
    assertThat(last("POST /dishonesty-list/imports/preview").body()).contains(ORG);
    assertThat(IMPORTS.get()).isEqualTo(before);
    String importId = html.replaceAll("(?s).*name=\"importId\" value=\"([^\"]+)\".*", "$1");
    ResponseCookie session = preview.getResponseCookies().getFirst("FUNDFLOW_SESSION");
    assertThat(session).isNotNull();

    String done = web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post().uri("/integrity/import/confirm")
        .cookie(session.getName(), session.getValue()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("importId", importId)).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(done).contains("已导入 1 条新记录");
    assertThat(IMPORTS.get()).isEqualTo(before + 1);
    assertThat(last("POST /dishonesty-list/imports").body()).contains(ORG);

    // the same confirmation again (a double click): nothing is imported twice
    web.mutateWith(as("INTEGRITY_OFFICER")).mutateWith(csrf()).post().uri("/integrity/import/confirm")
        .cookie(session.getName(), session.getValue()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("importId", importId)).exchange().expectStatus().isEqualTo(409);
    assertThat(IMPORTS.get()).isEqualTo(before + 1);
  }

  @Test
  void theNationalIdGoesInTheBodyToTheService_andIsNeverShownBack() {
    String html = web.mutateWith(as("AUDITOR")).mutateWith(csrf()).post().uri("/integrity/records/person")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("personId", PERSON_ID))
        .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    Call lookup = last("POST /integrity-records/persons/lookup");
    assertThat(lookup.body()).contains(PERSON_ID);
    assertThat(lookup.line()).doesNotContain(PERSON_ID);
    assertThat(html).doesNotContain(PERSON_ID).doesNotContain("1201011980").contains("个人（身份证号已加密）")
        .contains("无限制");
    assertThat(page("AUDITOR", "/integrity/records?organisationCode=" + ORG)).contains("限制中").contains("严重失信名单");
  }

  @Test
  void theEnglishPagesAreInEnglish() {
    String html = web.mutateWith(as("INTEGRITY_OFFICER")).get().uri("/integrity/flags")
        .cookie("FUNDFLOW_LANG", "en").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(html).contains("Open a case").contains("Dishonesty list").contains("Critical");
  }
}
