package org.fundflow.portal.web.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
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
 * The finance pages with the portal's real security chain against stubs of post-subsidy and project-intake (local HTTP
 * servers that record what they were sent): the queues with the service's totals, the held payments with their hold,
 * the prepare and release forms (If-Match, Idempotency-Key, four eyes, a double click), the budget from both
 * services, the claim's computation before the verification, and the payment batch as CSV and XLSX.
 */
@SpringBootTest
class FinancePagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Call(String line, Map<String, String> headers, String body) {}

  static final List<Call> CALLS = new CopyOnWriteArrayList<>();
  static final Map<String, String> STATE = new ConcurrentHashMap<>();

  static String payment(String id, String status, String preparedBy, String releasedBy, long amountFen, String holdId) {
    return """
        {"id":"%s","trigger":{"kind":"ADVANCE","reference":"prj-1","eventId":"e1"},"programId":"prg-1","projectId":"prj-1",
         "claimId":null,"organisationCode":"%s","amountFen":%d,"explanation":"60%% of 1,000,000.01","status":"%s",
         "statusBeforeHold":%s,"holdId":%s,"payee":%s,"preparedBy":%s,"preparedAt":%s,"releasedBy":%s,
         "releasedAt":%s,"paymentReference":%s,"cancelReason":null,"createdAt":"2026-12-01T00:00:00Z","version":3,
         "history":[{"at":"2026-12-01T00:00:00Z","by":"system","from":null,"to":"CREATED","note":"advance on award",
          "noteCode":{"code":"advance","args":[{"kind":"FEN","value":"100000001"},{"kind":"TEXT","value":"60"},
          {"kind":"FEN","value":"60000001"}]}},
          {"at":"2026-12-01T01:00:00Z","by":"olga","from":"CREATED","to":"CREATED","note":"free text kept as typed","noteCode":null}],
         "explanationNote":{"code":"advance","args":[{"kind":"FEN","value":"100000001"},{"kind":"TEXT","value":"60"},
          {"kind":"FEN","value":"60000001"}]}}"""
        .formatted(id, ORG, amountFen, status, holdId == null ? "null" : "\"CREATED\"",
            holdId == null ? "null" : "\"" + holdId + "\"",
            preparedBy == null ? "null" : "{\"name\":\"天津数智科技有限公司\",\"bank\":\"天津银行\",\"accountNumberMasked\":\"***************4567\"}",
            q(preparedBy), preparedBy == null ? "null" : "\"2026-12-02T00:00:00Z\"", q(releasedBy),
            releasedBy == null ? "null" : "\"2026-12-03T02:30:00Z\"", releasedBy == null ? "null" : "\"PAY-1\"");
  }

  static String q(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  static String page(String items, String nextAfter, long count, long totalFen) {
    return "{\"items\":[" + items + "],\"nextAfter\":" + q(nextAfter) + ",\"count\":" + count + ",\"totalFen\":"
        + totalFen + ",\"byStatus\":{}}";
  }

  static final String CLAIM = """
      {"id":"clm-1","programId":"prg-ps","organisationCode":"%s","organisationName":"天津数智科技有限公司","fiscalYear":2026,
       "expenditureThisYearFen":1000000000,"expenditureLastYearFen":680000000,"increaseFen":320000000,
       "auditReportReference":"津审字2027第1号","status":"SUBMITTED","submittedBy":"app","submittedAt":"2027-01-01T00:00:00Z",
       "verifiedBy":null,"verifiedAt":null,"reason":null,"subsidyFen":0,"explanation":null,"explanationSteps":[],
       "version":1,"history":[]}""".formatted(ORG);

  static final DisposableServer SUBSIDY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/disbursements", (req, res) -> {
            record(req, "");
            String uri = req.uri();
            if (uri.contains("status=ON_HOLD")) {
              return json(res, 200, page(payment("adv-held", "ON_HOLD", null, null, 500_000, "hold-9"), null, 1, 500_000));
            }
            if (uri.contains("status=PREPARED")) {
              return json(res, 200, page(payment("adv-2", "PREPARED", "olga", null, 600_001, null), null, 1, 600_001));
            }
            // one item on this page; the totals are the service's over everything that matches (3 payments)
            return json(res, 200, page(payment("adv-1", "CREATED", null, null, 600_001, null), "adv-1", 3, 1_234_567_89L));
          })
          .get("/disbursements/export", (req, res) -> {
            record(req, "");
            if (req.uri().contains("after=adv-a")) {
              return json(res, 200, page(payment("adv-b", "RELEASED", "olga", "bob", 1, null), null, 2, 100_000_000_001L));
            }
            return json(res, 200, page(payment("adv-a", "RELEASED", "olga", "bob", 100_000_000_000L, null), "adv-a", 2,
                100_000_000_001L));
          })
          .get("/disbursements/adv-1", (req, res) -> {
            record(req, "");
            String body = "prepared".equals(STATE.get("adv-1"))
                ? payment("adv-1", "PREPARED", "olga", null, 600_001, null)
                : payment("adv-1", "CREATED", null, null, 600_001, null);
            return res.header("ETag", "\"3\"").header("Content-Type", "application/json").sendString(Mono.just(body)).then();
          })
          .get("/disbursements/adv-held", (req, res) -> res.header("ETag", "\"5\"")
              .header("Content-Type", "application/json")
              .sendString(Mono.just(payment("adv-held", "ON_HOLD", null, null, 500_000, "hold-9"))).then())
          .get("/disbursements/adv-2", (req, res) -> {
            record(req, "");
            String body = "released".equals(STATE.get("adv-2"))
                ? payment("adv-2", "RELEASED", "olga", "bob", 600_001, null)
                : payment("adv-2", "PREPARED", "olga", null, 600_001, null);
            return res.header("ETag", "\"4\"").header("Content-Type", "application/json").sendString(Mono.just(body)).then();
          })
          .post("/disbursements/adv-1/preparation", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if (body.contains("ABC")) {
                  return problem(res, 400, "validation", "[{\"field\":\"accountNumber\",\"message\":\"must be 8-32 digits\"}]");
                }
                STATE.put("adv-1", "prepared");
                return json(res, 200, payment("adv-1", "PREPARED", "olga", null, 600_001, null));
              }))
          .post("/disbursements/adv-2/release", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if ("released".equals(STATE.get("adv-2"))) {
                  return problem(res, 412, "version-mismatch", "[]"); // the second click still carries version 4
                }
                STATE.put("adv-2", "released");
                return json(res, 200, payment("adv-2", "RELEASED", "olga", "bob", 600_001, null));
              }))
          .get("/programs/prg-1/budget", (req, res) -> json(res, 200, """
              {"programId":"prg-1","kind":"GENERAL","name":"x","revision":2,"budgetFen":1000000000,
               "reservedForReleaseFen":600001,"paidFen":1200000,"remainingToPayFen":998199999}"""))
          .get("/claims", (req, res) -> {
            record(req, "");
            return json(res, 200, "{\"items\":[" + CLAIM + "],\"nextAfter\":null,\"count\":1,\"subsidyTotalFen\":0}");
          })
          .get("/claims/clm-1", (req, res) -> res.header("ETag", "\"1\"").header("Content-Type", "application/json")
              .sendString(Mono.just(CLAIM)).then())
          .get("/claims/clm-1/computation", (req, res) -> json(res, 200, """
              {"claimId":"clm-1","subsidyFen":96000000,"explanation":"a; b","explanationSteps":[
               "increase 3,200,000.00 x 30% = 960,000.00","budget remaining 4,100,000.00"],
               "explanationNotes":[
                {"code":"tier-INCREASE","args":[{"kind":"FEN","value":"320000000"},{"kind":"TEXT","value":"30"},
                 {"kind":"FEN","value":"96000000.5"}]},
                {"code":"budget-remaining","args":[{"kind":"FEN","value":"410000000"}]}]}"""))
          .get("/claims/clm-1/evidence", (req, res) -> json(res, 200, """
              [{"fileId":"cf1","claimId":"clm-1","name":"2026年度审计报告.pdf","mediaType":"application/pdf",
                "sizeBytes":204800,"sha256":"ab","uploadedBy":"app-li","uploadedAt":"2027-03-01T03:00:00Z",
                "href":"/claims/clm-1/evidence/cf1"}]"""))
          .get("/claims/clm-1/evidence/cf1", (req, res) -> {
            record(req, "");
            return res.header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''audit.pdf").header("ETag", "\"ab\"")
                .sendString(Mono.just("%PDF-1.7 audit")).then();
          })
          .post("/claims/clm-1/verification", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
              .flatMap(body -> {
                record(req, body);
                if (body.contains("REJECTED") && !body.contains("reason")) {
                  return problem(res, 400, "validation", "[{\"field\":\"reason\",\"message\":\"required\"}]");
                }
                return json(res, 200, CLAIM.replace("SUBMITTED", "VERIFIED"));
              })))
      .bindNow();

  static final String PROGRAM_1 = """
      {"id":"prg-1","name":"天津市重点研发计划","kind":"GENERAL","status":"OPEN","budgetFen":1000000000,
       "perProjectCapFen":100000000,"awardedFen":300000002,"remainingToAwardFen":699999998,"callWindow":null}""";
  static final String PROGRAM_PS = """
      {"id":"prg-ps","name":"研发投入后补助","kind":"POST_SUBSIDY","status":"OPEN","budgetFen":410000000,
       "perProjectCapFen":100000000,"awardedFen":0,"remainingToAwardFen":410000000,"callWindow":null}""";

  static final DisposableServer INTAKE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r.get("/programs/prg-1", (req, res) -> json(res, 200, PROGRAM_1))
          .get("/programs", (req, res) -> json(res, 200, "{\"items\":[" + PROGRAM_1 + "," + PROGRAM_PS
              + "],\"nextCursor\":null}")))
      .bindNow();

  static void record(HttpServerRequest req, String body) {
    Map<String, String> headers = new ConcurrentHashMap<>();
    req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
    CALLS.add(new Call(req.method().name() + " " + req.uri(), headers, body));
  }

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
  }

  static Mono<Void> problem(HttpServerResponse res, int status, String slug, String errors) {
    return res.status(status).header("Content-Type", "application/problem+json").sendString(Mono.just(
        "{\"type\":\"https://fundflow.org/problems/" + slug + "\",\"title\":\"x\",\"status\":" + status
            + ",\"detail\":\"refused\",\"errors\":" + errors + "}")).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:" + SUBSIDY.port());
    registry.add("portal.services.post-subsidy.timeout", () -> "20s");
    registry.add("portal.services.project-intake.url", () -> "http://127.0.0.1:" + INTAKE.port());
    registry.add("portal.services.project-intake.timeout", () -> "20s");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @AfterAll
  static void stop() {
    SUBSIDY.disposeNow();
    INTAKE.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired
  ApplicationContext context;

  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    CALLS.clear();
    STATE.clear();
  }

  static OidcLoginMutator as(String subject, String... roles) {
    return org.fundflow.portal.web.PageTests.login(subject, "王芳", roles);
  }

  static final OidcLoginMutator OFFICER = as("olga", "FINANCE_OFFICER");
  static final OidcLoginMutator APPROVER = as("bob", "FINANCE_APPROVER");

  String page(OidcLoginMutator who, String uri) {
    return web.mutateWith(who).get().uri(uri).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  Call last(String prefix) {
    return CALLS.stream().filter(c -> c.line().startsWith(prefix)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no call " + prefix + " in " + CALLS));
  }

  static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  @Test
  void theQueueShowsTheServiceTotalsNotASumOfThePage_andTheHeldPaymentsWithTheirHold() {
    String html = page(OFFICER, "/finance/queues/prepare?programId=prg-1");
    assertThat(last("GET /disbursements?status=CREATED").line()).contains("programId=prg-1").contains("limit=20");
    assertThat(html).contains("共 3 笔，合计 ¥1,234,567.89").contains("¥6,000.01").contains("adv-1")
        .contains("暂停中的拨款").contains("adv-held").contains("限制措施 hold-9")
        .contains("/finance/queues/prepare?programId=prg-1&amp;after=adv-1")
        .doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");
    assertThat(page(APPROVER, "/finance/queues/release")).contains("adv-2").contains("待支付");
    web.mutateWith(as("ann", "APPLICANT")).get().uri("/finance/queues/prepare").exchange().expectStatus().isForbidden();
  }

  @Test
  void preparingSendsIfMatchAndTheFormsKey_showsAFieldErrorNextToTheField_andTheAccountMaskedAfterwards() {
    String html = page(OFFICER, "/finance/payments/adv-1");
    assertThat(html).contains("id=\"prepare-form\"").doesNotContain("id=\"release-form\"");
    String key = hidden(html, "idempotencyKey");
    assertThat(key).matches("[0-9a-f-]{36}");
    assertThat(hidden(html, "etag")).isEqualTo("&quot;3&quot;");

    String refused = web.mutateWith(OFFICER).mutateWith(csrf()).post().uri("/finance/payments/adv-1/preparation")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("payeeName", "天津数智科技有限公司").with("bank", "天津银行")
            .with("accountNumber", "6222ABC").with("etag", "\"3\"").with("idempotencyKey", key))
        .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"accountNumber-error\"").contains("请填写8至32位数字的账号")
        .contains("value=\"天津数智科技有限公司\"").doesNotContain("6222ABC");

    web.mutateWith(OFFICER).mutateWith(csrf()).post().uri("/finance/payments/adv-1/preparation")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("payeeName", "天津数智科技有限公司").with("bank", "天津银行")
            .with("accountNumber", "6222 0203 0200 1234 567").with("etag", "\"3\"").with("idempotencyKey", key))
        .exchange().expectStatus().is3xxRedirection().expectHeader().location("/finance/payments/adv-1");
    Call prepare = last("POST /disbursements/adv-1/preparation");
    assertThat(prepare.headers()).containsEntry("if-match", "\"3\"").containsEntry("idempotency-key", key);
    assertThat(prepare.body()).contains("\"accountNumber\":\"6222 0203 0200 1234 567\"");

    String after = page(OFFICER, "/finance/payments/adv-1");
    assertThat(after).contains("***************4567").doesNotContain("6222 0203");
  }

  @Test
  void thePreparerIsNeverOfferedTheRelease_anotherApproverIs_andADoubleClickPaysOnce() {
    assertThat(page(as("olga", "FINANCE_OFFICER", "FINANCE_APPROVER"), "/finance/payments/adv-2"))
        .doesNotContain("id=\"release-form\"").contains("id=\"four-eyes\"");
    String html = page(APPROVER, "/finance/payments/adv-2");
    assertThat(html).contains("id=\"release-form\"").doesNotContain("id=\"prepare-form\"");
    String key = hidden(html, "idempotencyKey");
    for (int click = 0; click < 2; click++) {
      web.mutateWith(APPROVER).mutateWith(csrf()).post().uri("/finance/payments/adv-2/release")
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .body(BodyInserters.fromFormData("paymentReference", "PAY-1").with("etag", "\"4\"").with("idempotencyKey", key))
          .exchange().expectStatus().is3xxRedirection().expectHeader().location("/finance/payments/adv-2");
    }
    List<Call> releases = CALLS.stream().filter(c -> c.line().startsWith("POST /disbursements/adv-2/release")).toList();
    assertThat(releases).hasSize(2).allSatisfy(c -> assertThat(c.headers()).containsEntry("idempotency-key", key)
        .containsEntry("if-match", "\"4\""));
    assertThat(page(APPROVER, "/finance/payments/adv-2")).contains("已支付").contains("PAY-1");
  }

  @Test
  void theBudgetPageStatesTheFiguresOfBothServicesToTheFen() {
    String html = page(APPROVER, "/finance/programs/prg-1/budget");
    assertThat(html).contains("天津市重点研发计划").contains("¥10,000,000.00").contains("¥3,000,000.02")
        .contains("¥12,000.00").contains("¥6,000.01").contains("¥6,999,999.98").contains("¥9,981,999.99");
    web.mutateWith(APPROVER).get().uri("/finance/budget?programId=prg-1").exchange().expectStatus().is3xxRedirection()
        .expectHeader().location("/finance/programs/prg-1/budget");
  }

  @Test
  void theClaimShowsTheComputationBeforeTheOfficerConfirms_andARejectionWithoutReasonIsMarkedAtTheField() {
    String html = page(OFFICER, "/finance/claims/clm-1");
    assertThat(html).contains("¥960,000.00").contains("研发投入增量 ¥3,200,000.00 × 30% = ¥960,000.005")
        .contains("计划剩余预算 ¥4,100,000.00：不受限制").doesNotContain("increase 3,200,000.00")
        .contains("id=\"verify-form\"");
    assertThat(page(APPROVER, "/finance/claims/clm-1")).contains("¥960,000.00").doesNotContain("id=\"verify-form\"");
    assertThat(page(OFFICER, "/finance/claims?status=SUBMITTED")).contains("clm-1").contains("待审核");

    String refused = web.mutateWith(OFFICER).mutateWith(csrf()).post().uri("/finance/claims/clm-1/verification")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("outcome", "REJECTED").with("etag", "\"1\""))
        .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"reason-error\"").contains("请填写理由");
    web.mutateWith(OFFICER).mutateWith(csrf()).post().uri("/finance/claims/clm-1/verification")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("outcome", "VERIFIED").with("etag", "\"1\""))
        .exchange().expectStatus().is3xxRedirection();
    assertThat(last("POST /claims/clm-1/verification").headers()).containsEntry("if-match", "\"1\"");
  }

  @Test
  void theBatchIsExportedPageByPageAsCsvAndXlsxExactToTheFen() throws Exception {
    byte[] csv = web.mutateWith(APPROVER).get().uri("/finance/export/payments.csv?from=2026-12-01&to=2026-12-31")
        .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
        .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"payment-batch-2026-12-01_2026-12-31.csv\"")
        .expectBody().returnResult().getResponseBody();
    String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("\uFEFF拨款编号,");
    assertThat(lines[1]).startsWith("adv-a,prg-1,prj-1," + ORG + ",天津数智科技有限公司,天津银行,***************4567,1000000000.00,PAY-1,2026-12-03 10:30");
    assertThat(lines[2]).contains(",0.01,");
    assertThat(CALLS.stream().filter(c -> c.line().startsWith("GET /disbursements/export")).map(Call::line))
        .containsExactly("GET /disbursements/export?from=2026-12-01&to=2026-12-31&limit=500",
            "GET /disbursements/export?from=2026-12-01&to=2026-12-31&after=adv-a&limit=500");

    byte[] xlsx = web.mutateWith(as("x", "FINANCE_OFFICER")).get()
        .uri("/finance/export/payments.xlsx?from=2026-12-01&to=2026-12-31").header("Accept-Language", "en")
        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      Cell amount = sheet.getRow(1).getCell(7);
      assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(new java.math.BigDecimal(amount.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
          .isEqualByComparingTo("1000000000.00");
      assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(java.math.BigDecimal.valueOf(sheet.getRow(2).getCell(7).getNumericCellValue())).isEqualByComparingTo("0.01");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("adv-a");
    }

    // a range ending before it starts is not sent anywhere: back to the form with the error next to the field
    web.mutateWith(APPROVER).get().uri("/finance/export/payments.csv?from=2026-12-31&to=2026-12-01").exchange()
        .expectStatus().isSeeOther().expectHeader().location("/finance/export?from=2026-12-31&to=2026-12-01&check=1");
    String form = web.mutateWith(APPROVER).get().uri("/finance/export?from=2026-12-31&to=2026-12-01&check=1").exchange()
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(form).contains("id=\"to-error\"").contains("截止日期早于起始日期");
  }

  static final OidcLoginMutator AUDITOR = as("ada", "AUDITOR");

  @Test
  void anAuditorReadsEveryFinancePage_isOfferedNoForm_andCannotPost() {
    web.mutateWith(AUDITOR).get().uri("/finance").exchange().expectStatus().is3xxRedirection()
        .expectHeader().location("/finance/queues/prepare");
    String queue = page(AUDITOR, "/finance/queues/prepare");
    assertThat(queue).contains("共 3 笔，合计 ¥1,234,567.89").contains("adv-held")
        // the finance area is in the auditor's navigation, beside the dashboards
        .contains("href=\"/finance/queues/prepare\"").contains("href=\"/finance/queues/release\"")
        .contains("href=\"/finance/budget\"").contains("href=\"/finance/claims\"").contains("href=\"/finance/export\"")
        .contains("href=\"/audit\"");
    assertThat(page(AUDITOR, "/finance/queues/release")).contains("adv-2").contains("待支付");
    assertThat(page(AUDITOR, "/finance/payments/adv-1")).contains("id=\"payment-status\"")
        .doesNotContain("id=\"prepare-form\"").doesNotContain("id=\"release-form\"").doesNotContain("<form class=\"stack")
        .doesNotContain("name=\"idempotencyKey\"");
    assertThat(page(AUDITOR, "/finance/payments/adv-2")).doesNotContain("id=\"release-form\"")
        .doesNotContain("id=\"prepare-form\"").doesNotContain("id=\"four-eyes\"");
    assertThat(page(AUDITOR, "/finance/programs/prg-1/budget")).contains("天津市重点研发计划").contains("¥9,981,999.99");
    assertThat(page(AUDITOR, "/finance/budget")).contains("天津市重点研发计划");
    assertThat(page(AUDITOR, "/finance/claims")).contains("clm-1");
    assertThat(page(AUDITOR, "/finance/claims/clm-1")).contains("¥960,000.00").contains("2026年度审计报告.pdf")
        .doesNotContain("id=\"verify-form\"").doesNotContain("name=\"outcome\"");
    assertThat(page(AUDITOR, "/finance/export")).contains("id=\"export-form\"");
    web.mutateWith(AUDITOR).get().uri("/finance/export/payments.csv?from=2026-12-01&to=2026-12-31").exchange()
        .expectStatus().isOk();

    // what changes something is refused by the portal's security before any service is called
    int before = CALLS.size();
    web.mutateWith(AUDITOR).mutateWith(csrf()).post().uri("/finance/payments/adv-1/preparation")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("payeeName", "x").with("bank", "y").with("accountNumber", "62220203020012")
            .with("etag", "\"3\"").with("idempotencyKey", "k"))
        .exchange().expectStatus().isForbidden();
    web.mutateWith(AUDITOR).mutateWith(csrf()).post().uri("/finance/payments/adv-2/release")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("paymentReference", "PAY-1").with("etag", "\"4\"").with("idempotencyKey", "k"))
        .exchange().expectStatus().isForbidden();
    web.mutateWith(AUDITOR).mutateWith(csrf()).post().uri("/finance/claims/clm-1/verification")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("outcome", "VERIFIED").with("etag", "\"1\""))
        .exchange().expectStatus().isForbidden();
    assertThat(CALLS.stream().skip(before).filter(c -> c.line().startsWith("POST"))).isEmpty();
    // and a person with no finance or auditor role reads none of it
    web.mutateWith(as("ann", "APPLICANT")).get().uri("/finance/claims/clm-1").exchange().expectStatus().isForbidden();
  }

  @Test
  void anApproverReadsTheClaimsComputation_andTheEvidenceFilesToOpenBeforeConfirming() {
    for (OidcLoginMutator who : List.of(OFFICER, APPROVER)) {
      String html = page(who, "/finance/claims/clm-1");
      assertThat(html).contains("id=\"computed-subsidy\"").contains("¥960,000.00")
          .contains("佐证材料（审计报告、纳税申报表）").contains("2026年度审计报告.pdf").contains("application/pdf")
          .contains("大小 200 KB").contains("由 app-li 于 2027-03-01 11:00 上传")
          .contains("href=\"/finance/claims/clm-1/evidence/cf1\"").contains("aria-label=\"下载 2026年度审计报告.pdf\"")
          // the program by its name (project-intake's), not its id
          .contains(">研发投入后补助</a>");
    }
    byte[] file = web.mutateWith(APPROVER).get().uri("/finance/claims/clm-1/evidence/cf1").exchange()
        .expectStatus().isOk().expectHeader().contentType("application/pdf")
        .expectHeader().valueEquals("Content-Disposition", "attachment; filename*=UTF-8''audit.pdf")
        .expectBody().returnResult().getResponseBody();
    assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 audit");
    String english = web.mutateWith(APPROVER).get().uri("/finance/claims/clm-1")
        .cookie(org.fundflow.portal.i18n.Languages.COOKIE, "en").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(english).contains("Increase ¥3,200,000.00 × 30% = ¥960,000.005")
        .contains("Program budget left ¥4,100,000.00: not limiting").contains("size 200 KB");
  }

  @Test
  void thePaymentExplainsItsAmountInTheUsersLanguage_exactToTheFen() {
    String zh = page(OFFICER, "/finance/payments/adv-1");
    assertThat(zh).contains("立项预拨：立项金额 ¥1,000,000.01 × 60% = ¥600,000.01（按四舍五入保留到分）")
        .doesNotContain("60% of 1,000,000.01").doesNotContain("advance on award")
        // a free-text note is shown as it was typed
        .contains("free text kept as typed")
        .contains(">天津市重点研发计划</a>");
    String en = web.mutateWith(OFFICER).get().uri("/finance/payments/adv-1")
        .cookie(org.fundflow.portal.i18n.Languages.COOKIE, "en").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(en).contains("Advance on award: awarded ¥1,000,000.01 × 60% = ¥600,000.01 (rounded half up to the fen)");
  }

  @Test
  void theProgramFilterNamesThePrograms_andAPreparedPaymentFoldsTheCorrectionAway_heldOnesOfferNone() {
    String queue = page(OFFICER, "/finance/queues/prepare?programId=prg-1");
    assertThat(queue).containsPattern("<select id=\"f-program\" name=\"programId\">")
        .containsPattern("<option value=\"prg-1\" selected=\"selected\">天津市重点研发计划</option>")
        .contains("<option value=\"prg-ps\">研发投入后补助</option>")
        .contains(">天津市重点研发计划</a>");
    // to prepare: the form, open, with its heading
    assertThat(page(OFFICER, "/finance/payments/adv-1")).contains("id=\"prepare-form\"").contains("核对收款账户")
        .doesNotContain("<details");
    // prepared: post-subsidy still accepts a corrected payee until the release, so it is offered, folded away
    STATE.put("adv-1", "prepared");
    assertThat(page(OFFICER, "/finance/payments/adv-1")).contains("<details class=\"card\" id=\"correct-payee\">")
        .contains("<summary>更正收款账户</summary>").contains("保存更正").doesNotContain("制单</button>");
    // held or released: post-subsidy would refuse it, so nothing is offered
    assertThat(page(OFFICER, "/finance/payments/adv-held")).contains("该单位处于诚信限制期").doesNotContain("id=\"prepare-form\"")
        .doesNotContain("correct-payee");
    STATE.put("adv-2", "released");
    assertThat(page(as("olga", "FINANCE_OFFICER", "FINANCE_APPROVER"), "/finance/payments/adv-2"))
        .doesNotContain("id=\"prepare-form\"").doesNotContain("id=\"release-form\"");
  }
}
