package org.fundflow.portal.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The auditors' dashboards and read-only pages with the portal's real security chain against stubs of the four
 * services: the figures are the services' (exact to the fen), every chart is an accessible SVG with a table and a CSV
 * of the same figures, auditors are offered no action and may not open the manager's forms.
 */
@SpringBootTest
class AuditPagesTest {

  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  static final String PROGRAM = """
      {"id":"prg-1","name":"新材料专项","kind":"GENERAL","status":"OPEN","budgetFen":100000000,"perProjectCapFen":10000000,
       "callWindow":{"opensAt":"2026-01-01T00:00:00Z","closesAt":"2027-01-01T00:00:00Z"},"fundingSplit":{"advancePercent":60,"balancePercent":40},
       "postSubsidyRule":null,"awardedFen":12345601,"remainingToAwardFen":87654399,"revision":1,"createdAt":"2026-01-01T00:00:00Z",
       "publishedAt":"2026-01-01T00:00:00Z","changedAt":"2026-01-01T00:00:00Z"}""";

  /** project-intake, milestone-review and integrity-check on one stub (their paths differ). */
  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/statistics/programs", (req, res) -> json(req.uri(), res, """
              {"programs":[{"programId":"prg-1","name":"新材料专项","kind":"GENERAL","status":"OPEN","budgetFen":100000000,"awardedFen":12345601},
               {"programId":"prg-2","name":"=HYPERLINK(\\"x\\")","kind":"CHALLENGE","status":"DRAFT","budgetFen":5000,"awardedFen":0}]}"""))
          .get("/statistics/proposal-funnel", (req, res) -> json(req.uri(), res, """
              {"submitted":17,"screened":11,"reviewed":7,"awarded":5,"rejected":3,"withdrawn":1,
               "byStatus":[{"status":"AWARDED","count":5}]}"""))
          .get("/statistics/projects", (req, res) -> json(req.uri(), res, """
              {"active":2,"completed":2,"terminated":1,"total":5,"byStatus":[{"status":"ACTIVE","count":2},
               {"status":"COMPLETED","count":2},{"status":"TERMINATED","count":1}]}"""))
          .get("/statistics/flags", (req, res) -> json(req.uri(), res, """
              {"counts":[{"rule":"DISHONESTY_LIST","severity":"CRITICAL","count":4},
               {"rule":"PROJECT_FAILED","severity":"MEDIUM","count":9}],"total":13}"""))
          .get("/programs/prg-1", (req, res) -> json(req.uri(), res, PROGRAM))
          .get("/programs", (req, res) -> json(req.uri(), res, "{\"items\":[" + PROGRAM + "],\"nextCursor\":null}")))
      .bindNow();

  static final DisposableServer SUBSIDY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/statistics/programs", (req, res) -> json(req.uri(), res, """
              {"programs":[{"programId":"prg-1","name":"新材料专项","kind":"GENERAL","budgetFen":100000000,"paidFen":7407361,
               "reservedForReleaseFen":0}]}"""))
          .get("/statistics/payments", (req, res) -> json(req.uri(), res, """
              {"zone":"Asia/Shanghai","months":[{"month":"2026-11","count":1,"amountFen":99},
               {"month":"2026-12","count":2,"amountFen":7407262}],"count":3,"amountFen":7407361}""")))
      .bindNow();

  static Mono<Void> json(String uri, HttpServerResponse res, String body) {
    CALLS.add(uri);
    return res.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String stub = "http://127.0.0.1:" + SERVICES.port();
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.project-intake.url", () -> stub);
    registry.add("portal.services.milestone-review.url", () -> stub);
    registry.add("portal.services.integrity-check.url", () -> stub);
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:" + SUBSIDY.port());
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
    for (String service : List.of("project-intake", "milestone-review", "integrity-check", "post-subsidy")) {
      registry.add("portal.services." + service + ".timeout", () -> "90s");
    }
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    SUBSIDY.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired
  ApplicationContext context;

  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(java.time.Duration.ofSeconds(180)).build();
    CALLS.clear();
  }

  static OidcLoginMutator as(String role) {
    return org.fundflow.portal.web.PageTests.login(role.toLowerCase(), "唐宇", role);
  }

  String page(String role, String uri) {
    return web.mutateWith(as(role)).get().uri(uri).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  @Test
  void theDashboardShowsTheServicesFiguresExactly_asAccessibleChartsWithTablesAndDownloads() {
    String html = page("AUDITOR", "/audit");
    assertThat(CALLS).contains("/statistics/programs", "/statistics/proposal-funnel", "/statistics/projects",
        "/statistics/flags", "/statistics/payments");
    // budget (intake), awarded (intake), paid (subsidy), exact to the fen
    assertThat(html).contains("新材料专项").contains("¥1,000,000.00").contains("¥123,456.01").contains("¥74,073.61")
        // funnel: intake's stages then milestone-review's
        .contains("已提交").contains(">17<").contains(">11<").contains(">7<").contains("已结题（项目）")
        .contains("已终止（项目）")
        // payments per Shanghai month with the total
        .contains("2026-11").contains("¥0.99").contains("2026-12").contains("¥74,072.62")
        // flags per rule and severity
        .contains("严重失信名单").containsPattern(">\\s*9\\s*<");
    // four charts: role img, title and desc named by aria-labelledby, an aria-label
    assertThat(html.split("role=\"img\"", -1)).hasSize(5);
    assertThat(html).contains("aria-labelledby=\"chart-programs-title\"").contains("aria-describedby=\"chart-programs-desc\"")
        .contains("<title id=\"chart-funnel-title\">申报漏斗</title>").contains("<desc id=\"chart-payments-desc\">")
        .contains("aria-label=\"按规则与严重程度统计的预警\"")
        .contains("id=\"table-programs\"").contains("id=\"table-funnel\"").contains("id=\"table-payments\"")
        .contains("id=\"table-flags\"")
        .contains("href=\"/audit/programs.csv\"").contains("href=\"/audit/funnel.csv\"")
        .contains("href=\"/audit/payments.csv\"").contains("href=\"/audit/flags.csv\"");
    // strict CSP: no inline style or script
    assertThat(html).doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");
    // the nav names the dashboards for the auditor
    assertThat(html).contains("统计看板").contains("aria-current=\"page\"");
  }

  @Test
  void theDashboardIsInEnglishToo() {
    String html = web.mutateWith(as("AUDITOR")).get().uri("/audit").cookie("FUNDFLOW_LANG", "en").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("Budget, awarded and paid per program").contains("Proposal funnel")
        .contains("Payments per month").contains("Flags per rule and severity").contains("Terminated (project)")
        .doesNotContain("申报漏斗");
  }

  @Test
  void theCsvDownloadsHoldTheSameFiguresExactly_andNoFormula() {
    EntityExchangeResult<byte[]> programs = web.mutateWith(as("AUDITOR")).get().uri("/audit/programs.csv").exchange()
        .expectStatus().isOk().expectBody().returnResult();
    assertThat(programs.getResponseHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(programs.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("attachment").contains("programs.csv");
    String csv = new String(programs.getResponseBody(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFprogram_id,name,kind,budget_yuan,awarded_yuan,paid_yuan\r\n")
        .contains("prg-1,新材料专项,GENERAL,1000000.00,123456.01,74073.61\r\n")
        // a name a spreadsheet would run as a formula is written as text; no copy at post-subsidy: paid empty
        .contains("prg-2,\"'=HYPERLINK(\"\"x\"\")\",CHALLENGE,50.00,0.00,\r\n");
    assertThat(csv("/audit/funnel.csv")).isEqualTo("\uFEFFstage,count\r\nsubmitted,17\r\nscreened,11\r\nreviewed,7\r\n"
        + "awarded,5\r\ncompleted,2\r\nterminated,1\r\n");
    assertThat(csv("/audit/payments.csv")).isEqualTo("\uFEFFmonth_asia_shanghai,payments,amount_yuan\r\n"
        + "2026-11,1,0.99\r\n2026-12,2,74072.62\r\n");
    assertThat(csv("/audit/flags.csv")).isEqualTo("\uFEFFrule,severity,count\r\nDISHONESTY_LIST,CRITICAL,4\r\n"
        + "PROJECT_FAILED,MEDIUM,9\r\n");
  }

  String csv(String uri) {
    return new String(web.mutateWith(as("AUDITOR")).get().uri(uri).exchange().expectStatus().isOk().expectBody()
        .returnResult().getResponseBody(), StandardCharsets.UTF_8);
  }

  @Test
  void auditorsReadTheProgramPagesWithoutAnyAction_andMayNotOpenTheFormsOrPost() {
    String programs = page("AUDITOR", "/manager/programs");
    assertThat(programs).contains("新材料专项").doesNotContain("/manager/programs/new");
    String page = page("AUDITOR", "/manager/programs/prg-1");
    String program = page.substring(page.indexOf("<main"));
    assertThat(program).contains("新材料专项").contains("¥123,456.01").contains("/manager/programs/prg-1/proposals")
        .doesNotContain("/manager/programs/prg-1/close").doesNotContain("<form method=\"post\"")
        .contains("只读");
    assertThat(page("PROGRAM_MANAGER", "/manager/programs/prg-1")).contains("/manager/programs/prg-1/close");

    web.mutateWith(as("AUDITOR")).get().uri("/manager/programs/new").exchange().expectStatus().isForbidden();
    web.mutateWith(as("AUDITOR")).get().uri("/manager/programs/prg-1/edit").exchange().expectStatus().isForbidden();
    web.mutateWith(as("AUDITOR")).get().uri("/manager/proposals/p-1/award").exchange().expectStatus().isForbidden();
    web.mutateWith(as("AUDITOR")).mutateWith(csrf()).post().uri("/manager/programs/prg-1/close").exchange()
        .expectStatus().isForbidden();
    assertThat(CALLS).noneMatch(c -> c.contains("close"));
  }

  @Test
  void onlyAuditorsSeeTheDashboards() {
    web.mutateWith(as("PROGRAM_MANAGER")).get().uri("/audit").exchange().expectStatus().isForbidden();
    web.mutateWith(as("APPLICANT")).get().uri("/audit/flags.csv").exchange().expectStatus().isForbidden();
    web.mutateWith(as("AUDITOR")).get().uri("/").exchange().expectStatus().is3xxRedirection()
        .expectHeader().valueEquals("Location", "/audit");
  }
}
