package org.fundflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The portal's pages with its real security configuration, against a stub of project-intake (a local HTTP server),
 * milestone-review down (nothing listens), and an in-memory Mongo-wire store for preferences.
 */
@SpringBootTest
class PortalPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
  static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
  static final AtomicReference<String> PROGRAMS_ASKED = new AtomicReference<>();
  static final DisposableServer INTAKE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/proposals", (req, res) -> {
            LAST_AUTHORIZATION.set(req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
            return res.header("Content-Type", "application/json").sendString(reactor.core.publisher.Mono.just("""
                {"items":[{"id":"pr-1","title":"高性能复合材料","status":"SUBMITTED","requestedAmountFen":123456789,
                 "createdAt":"2026-12-06T01:00:00Z","submittedAt":"2026-12-06T02:00:00Z","organisationCode":"%s"}],
                 "nextCursor":"pr-1"}""".formatted(ORG)));
          })
          .get("/proposals/pr-1", (req, res) -> res.header("Content-Type", "application/json")
              .sendString(reactor.core.publisher.Mono.just("""
                {"id":"pr-1","title":"高性能复合材料","status":"SUBMITTED","requestedAmountFen":123456789,
                 "organisationName":"津南新材料","createdAt":"2026-12-06T01:00:00Z",
                 "principalInvestigator":{"maskedId":"1201**********123X","name":"李伟","organisationCode":"%s"},
                 "milestones":[{"sequence":1,"title":"样品","dueDate":"2027-06-30","tranchePercent":40},
                               {"sequence":2,"title":"中试","dueDate":"2027-12-31","tranchePercent":60}]}""".formatted(ORG))))
          .get("/proposals/pr-other", (req, res) -> res.status(404).header("Content-Type", "application/problem+json")
              .sendString(reactor.core.publisher.Mono.just(
                  "{\"type\":\"https://fundflow.org/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                      + "\"detail\":\"proposal pr-other not found\"}")))
          .get("/programs", (req, res) -> {
            PROGRAMS_ASKED.set(req.uri());
            return res.header("Content-Type", "application/json")
              .sendString(reactor.core.publisher.Mono.just("""
                {"items":[{"id":"pg-1","name":"新材料揭榜挂帅","kind":"CHALLENGE","status":"OPEN","budgetFen":5000000000,
                  "perProjectCapFen":200000000,"awardedFen":0,"remainingToAwardFen":5000000000,
                  "callWindow":{"opensAt":"2026-01-01T01:00:00Z","closesAt":"2099-01-01T01:00:00Z"}}],"nextCursor":"pg-1"}"""));
          })
          .get("/programs/pg-1/challenges", (req, res) -> res.header("Content-Type", "application/json")
              .sendString(reactor.core.publisher.Mono.just("""
                [{"id":"ch-1","programId":"pg-1","postingOrganisationName":"滨海智能装备","title":"碳纤维回收",
                  "problem":"回收工艺","targetIndicators":["回收率≥90%"],"maxFundingFen":150000000,"deadlineDate":"2099-06-30"}]"""))))
      .bindNow();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri",
        () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.project-intake.url", () -> "http://127.0.0.1:" + INTAKE.port());
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.milestone-review.timeout", () -> "1s");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @AfterAll
  static void stop() {
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
  }

  static OidcLoginMutator applicant(String subject) {
    return PageTests.login(subject, java.util.Map.of("name", "李伟", "org_code", ORG, "org_name", "津南新材料"),
        "APPLICANT");
  }

  @Test
  void theLoginPageIsChineseByDefaultAndCarriesTheSecurityHeaders() {
    var result = web.get().uri("/login").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader().valueEquals("X-Frame-Options", "DENY")
        .expectBody(String.class).returnResult();
    String csp = result.getResponseHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    String html = result.getResponseBody();
    assertThat(html).contains("<html lang=\"zh-CN\"").contains("欢迎使用科技计划管理平台").contains("登录");
    assertThat(html).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*src=)").doesNotContain(" style=");
    assertThat(html).containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    ResponseCookie session = web.get().uri("/login").exchange().expectStatus().isOk()
        .returnResult(String.class).getResponseCookies().getFirst("FUNDFLOW_SESSION");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefused() {
    web.post().uri("/language").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("lang", "en")).exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void switchingToEnglishHoldsForTheSession() {
    ResponseCookie session = web.get().uri("/login").exchange().returnResult(String.class)
        .getResponseCookies().getFirst("FUNDFLOW_SESSION");
    web.mutateWith(csrf()).post().uri("/language").cookie(session.getName(), session.getValue())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("lang", "en").with("back", "/login")).exchange()
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/login");
    web.get().uri("/login").cookie(session.getName(), session.getValue()).exchange()
        .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"en\"")
            .contains("Welcome to the Science Funding Portal").doesNotContain("欢迎使用"));
  }

  @Test
  void theBrowsersLastPickHoldsWithoutASessionAsAfterALogout() {
    ResponseCookie language = web.mutateWith(csrf()).post().uri("/language")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("lang", "en").with("back", "/login")).exchange()
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .returnResult(Void.class).getResponseCookies().getFirst("FUNDFLOW_LANG");
    assertThat(language.getValue()).isEqualTo("en");
    assertThat(language.isHttpOnly()).isTrue();
    web.get().uri("/login?logout").cookie(language.getName(), language.getValue()).exchange()
        .expectBody(String.class).value(html -> assertThat(html).contains("You have logged out."));
  }

  @Test
  void theLanguageIsRememberedForTheUserInItsNextSession() {
    web.mutateWith(applicant("remembers-english")).mutateWith(csrf()).post().uri("/language")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("lang", "en").with("back", "/applicant")).exchange()
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    // a new session (no cookie) of the same user
    web.mutateWith(applicant("remembers-english")).get().uri("/applicant/proposals").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("My proposals"));
    web.mutateWith(applicant("someone-else")).get().uri("/applicant/proposals").exchange()
        .expectBody(String.class).value(html -> assertThat(html).contains("我的申报"));
  }

  @Test
  void anAnonymousVisitorIsSentToTheLoginPage() {
    web.get().uri("/applicant/programs").exchange()
        .expectStatus().is3xxRedirection()
        .expectHeader().location("/login");
  }

  @Test
  void aSessionCookieWithoutASessionMeansTheSessionExpired() {
    web.get().uri("/applicant").cookie("FUNDFLOW_SESSION", "a-session-long-gone").exchange()
        .expectStatus().is3xxRedirection()
        .expectHeader().location("/login?expired");
    ResponseCookie live = web.get().uri("/login").exchange().returnResult(String.class)
        .getResponseCookies().getFirst("FUNDFLOW_SESSION");
    web.get().uri("/applicant").cookie(live.getName(), live.getValue()).exchange()
        .expectHeader().location("/login");
    web.get().uri("/login?expired").exchange()
        .expectBody(String.class).value(html -> assertThat(html).contains("您的会话已过期，请重新登录。"));
  }

  @Test
  void theDashboardWorksWhileMilestoneReviewIsDown() {
    String html = web.mutateWith(applicant("applicant")).get().uri("/applicant").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("高性能复合材料").contains("已提交");
    assertThat(html).contains("“里程碑评审”服务暂时无法访问");
    assertThat(LAST_AUTHORIZATION.get()).as("the user's token is relayed").startsWith("Bearer ");
  }

  @Test
  void programsShowYuanWithSeparatorsBeijingTimeAndChallenges() {
    web.mutateWith(applicant("applicant")).get().uri("/applicant/programs").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html)
            .contains("新材料揭榜挂帅").contains("揭榜挂帅重大专项").contains("申报中")
            .contains("¥50,000,000.00").contains("¥2,000,000.00").contains("¥1,500,000.00")
            .contains("2026-01-01 09:00").contains("北京时间")
            .contains("碳纤维回收").contains("还剩")
            .contains("同时显示已截止的计划").contains("href=\"/applicant/programs?after=pg-1\""));
    assertThat(PROGRAMS_ASKED.get()).as("open calls first").contains("status=OPEN").doesNotContain("kind=");
    web.mutateWith(applicant("applicant")).get().uri("/applicant/programs?all=1").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("只看正在受理的计划")
            .contains("href=\"/applicant/programs?all=1&amp;after=pg-1\""));
    assertThat(PROGRAMS_ASKED.get()).doesNotContain("status=");
  }

  @Test
  void theProposalPageShowsMaskedIdsAndThePlan() {
    web.mutateWith(applicant("applicant")).get().uri("/applicant/proposals/pr-1").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html)
            .contains("1201**********123X").contains("¥1,234,567.89").contains("40%").contains("2027-12-31"));
  }

  @Test
  void anotherOrganisationsProposalIsANotFoundPageWithoutJson() {
    web.mutateWith(applicant("applicant")).get().uri("/applicant/proposals/pr-other").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class).value(html -> assertThat(html)
            .contains("未找到该页面或记录").doesNotContain("problems/not-found").doesNotContain("\"status\"")
            .contains("李伟").contains("我的申报").containsPattern("name=\"_csrf\" value=\"[^\"]+\""));
  }

  @Test
  void aStaffRoleDoesNotGetTheApplicantPages() {
    web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_AUDITOR")))
        .get().uri("/applicant").exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void eachRoleStartsInItsOwnArea() {
    Map<String, String> areas = Map.of("ROLE_PROGRAM_MANAGER", "/manager/programs",
        "ROLE_INTEGRITY_OFFICER", "/integrity/flags", "ROLE_AUDITOR", "/audit", "ROLE_EXPERT", "/expert",
        "ROLE_FINANCE_OFFICER", "/finance", "ROLE_FINANCE_APPROVER", "/finance");
    areas.forEach((role, area) -> web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority(role)))
        .get().uri("/").exchange()
        .expectStatus().is3xxRedirection()
        .expectHeader().location(area));
    // a login with no role of the portal's: told so, not an error page
    web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_SOMETHING_ELSE")))
        .get().uri("/").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("没有本门户的业务角色").contains("通知"));
  }

  @Test
  void anUnknownPathIsALocalizedPageNotAStackTrace() {
    web.mutateWith(applicant("applicant")).get().uri("/no/such/page").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isNotFound()
        .expectBody(String.class).value(html -> assertThat(html).contains("未找到").doesNotContain("Exception")
            .doesNotContain("at org."));
  }

}
