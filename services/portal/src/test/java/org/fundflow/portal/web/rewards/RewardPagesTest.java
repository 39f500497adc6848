package org.fundflow.portal.web.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.portal.config.ClientsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The reward pages (奖励类, issue 18 point 3) against a stub of project-intake (and of post-subsidy for the finance
 * queue): the enterprise's claim form and status, the evidence and the pledge, the manager's verification queue and
 * decision, the finance queue naming a reward payment. The stub records what the portal sent and answers some calls
 * with the service's problems; the pages show the portal's own texts for them.
 */
@SpringBootTest
class RewardPagesTest {

  static final String ORG = "91120116LF5F9EW86A";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Sent(String uri, String body, String idempotencyKey) {}

  static final List<Sent> SENT = new CopyOnWriteArrayList<>();
  static final AtomicReference<String> STATUS = new AtomicReference<>("DRAFT");

  static String claim() {
    return """
        {"id":"rwc-1","programId":"pg-r","organisationCode":"%s","organisationName":"津南新材料",
         "achievementCode":"NATIONAL_HIGH_TECH","achievementName":"国家高新技术企业认定","amountFen":20000001,
         "status":"%s","createdBy":"app-li","createdAt":"2026-12-03T01:00:00Z"%s}""".formatted(ORG, STATUS.get(),
        STATUS.get().equals("DRAFT") ? ""
            : ",\"submittedAt\":\"2026-12-03T02:00:00Z\",\"pledgeTextVersion\":\"2026年第1版（中文）\","
                + "\"pledgeAcceptedAt\":\"2026-12-03T02:00:00Z\"");
  }

  static final String PROGRAMS = """
      {"items":[{"id":"pg-g","name":"一般项目","kind":"GENERAL","status":"OPEN"},
                {"id":"pg-r","name":"2026年度科技企业认定奖励","kind":"REWARD","status":"OPEN",
                 "rewardTable":{"entries":[{"code":"NATIONAL_HIGH_TECH","name":"国家高新技术企业认定","amountFen":20000001},
                                           {"code":"GAZELLE","name":"瞪羚企业","amountFen":50000000}]}}],
       "nextCursor":null}""";

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/programs", (req, res) -> json(res, 200, PROGRAMS))
          .get("/reward-claims", (req, res) -> json(res, 200, "{\"items\":[" + claim() + "],\"nextCursor\":null}"))
          .get("/reward-claims/rwc-1", (req, res) -> json(res, 200, claim()))
          .get("/reward-claims/rwc-1/files", (req, res) -> json(res, 200, """
              [{"fileId":"f1","claimId":"rwc-1","name":"高新技术企业证书.pdf","mediaType":"application/pdf","sizeBytes":2048,
                "sha256":"%s","uploadedBy":"app-li","uploadedAt":"2026-12-03T01:30:00Z","href":"/reward-claims/rwc-1/files/f1"}]"""
              .formatted("ab".repeat(32))))
          .get("/reward-claims/other", (req, res) -> json(res, 404,
              "{\"type\":\"https://fundflow.org/problems/not-found\",\"status\":404}"))
          .post("/reward-claims", (req, res) -> received(req).flatMap(body -> body.contains("GAZELLE")
              ? json(res, 409, "{\"type\":\"https://fundflow.org/problems/reward-claim-exists\",\"status\":409}")
              : json(res, 201, claim())))
          .post("/reward-claims/rwc-1/submit", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("\"accepted\":false")) {
              return json(res, 422, "{\"type\":\"https://fundflow.org/problems/pledge-required\",\"status\":422}");
            }
            STATUS.set("SUBMITTED");
            return json(res, 200, claim());
          }))
          .post("/reward-claims/rwc-1/decision", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("REJECTED") && body.contains("\"reason\":null")) {
              return json(res, 422, "{\"type\":\"https://fundflow.org/problems/reason-required\",\"status\":422}");
            }
            STATUS.set(body.contains("VERIFIED") ? "VERIFIED" : "REJECTED");
            return json(res, 200, claim());
          }))
          .get("/disbursements", (req, res) -> json(res, 200, """
              {"items":[{"id":"rw-%s-NATIONAL_HIGH_TECH","trigger":{"kind":"REWARD","reference":"%s-NATIONAL_HIGH_TECH"},
                "programId":"pg-r","claimId":"rwc-1","organisationCode":"%s","amountFen":20000001,
                "explanation":"reward for NATIONAL_HIGH_TECH","status":"CREATED","createdAt":"2026-12-05T06:30:02Z",
                "version":1}],"nextAfter":null,"count":1,"totalFen":20000001,
               "byStatus":{"CREATED":{"count":1,"totalFen":20000001}}}""".formatted(ORG, ORG, ORG))))
      .bindNow();

  static Mono<String> received(HttpServerRequest req) {
    return req.receive().aggregate().asString().defaultIfEmpty("")
        .doOnNext(body -> SENT.add(new Sent(req.uri(), body, req.requestHeaders().get("Idempotency-Key"))));
  }

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
        .sendString(Mono.just(body)).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String stub = "http://127.0.0.1:" + SERVICES.port();
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.project-intake.url", () -> stub);
    registry.add("portal.services.post-subsidy.url", () -> stub);
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.integrity-check.url", () -> "http://127.0.0.1:1");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
    for (String service : List.of("project-intake", "post-subsidy")) {
      registry.add("portal.services." + service + ".timeout", () -> "20s");
    }
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired ApplicationContext context;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(Duration.ofSeconds(120)).build(); // the first page of a cold context on a loaded machine
    SENT.clear();
    STATUS.set("DRAFT");
  }

  static OidcLoginMutator user(String subject, String role) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(ClientsConfig.REGISTRATION)
        .clientId("portal").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build();
    return mockOidcLogin().clientRegistration(registration)
        .idToken(t -> t.subject(subject).claim("name", "王芳").claim("org_code", ORG).claim("org_name", "津南新材料")
            .claim("roles", List.of(role)))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  static OidcLoginMutator applicant() {
    return user("app-li", "APPLICANT");
  }

  static OidcLoginMutator manager() {
    return user("program-manager", "PROGRAM_MANAGER");
  }

  WebTestClient.ResponseSpec post(OidcLoginMutator who, String path, MultiValueMap<String, String> form) {
    return web.mutateWith(who).mutateWith(csrf()).post().uri(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
  }

  String page(OidcLoginMutator who, String path) {
    return web.mutateWith(who).get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
        .returnResult().getResponseBody();
  }

  static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------- the enterprise

  @Test
  void theEnterpriseSeesItsClaimsAndTheRewardTableAmounts_andStartsAClaimWithoutSendingAnAmount() {
    String html = page(applicant(), "/applicant/rewards");
    assertThat(html).contains("认定奖励申领").contains("国家高新技术企业认定").contains("¥200,000.01").contains("待提交")
        .contains("<optgroup label=\"2026年度科技企业认定奖励\">").contains("value=\"pg-r|GAZELLE\"")
        .contains("瞪羚企业（奖励 ¥500,000.00）").doesNotContain("pg-g|").contains("name=\"_csrf\"")
        .contains("href=\"/applicant/rewards\" aria-current=\"page\"");

    post(applicant(), "/applicant/rewards", form("achievement", "pg-r|NATIONAL_HIGH_TECH", "amountFen", "999"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/applicant/rewards/rwc-1");
    assertThat(SENT).containsExactly(new Sent("/reward-claims",
        "{\"programId\":\"pg-r\",\"achievementCode\":\"NATIONAL_HIGH_TECH\"}", null));
  }

  @Test
  void aSecondClaimOfTheSameAchievementIsRefusedWithTheRuleInWords() {
    String html = post(applicant(), "/applicant/rewards", form("achievement", "pg-r|GAZELLE"))
        .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("本单位已申领过该项认定的奖励，同一认定只奖励一次。").contains("role=\"alert\"")
        .doesNotContain("reward-claim-exists");
    String none = post(applicant(), "/applicant/rewards", form("achievement", ""))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(none).contains("请选择要申领奖励的认定事项。");
  }

  @Test
  void theDraftOffersEvidenceAndThePledge_theSubmissionCarriesAnIdempotencyKey_andAMissingPledgeIsExplained() {
    String html = page(applicant(), "/applicant/rewards/rwc-1");
    assertThat(html).contains("高新技术企业证书.pdf").contains("href=\"/applicant/rewards/rwc-1/evidence/f1\"")
        .contains("enctype=\"multipart/form-data\"").contains("id=\"pledgeAccepted\"").contains("¥200,000.01");

    String refused = post(applicant(), "/applicant/rewards/rwc-1/submit", form("idempotencyKey", "k-1",
        "pledgeVersion", "2026年第1版（中文）")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("提交前须阅读并接受科研诚信承诺。");

    post(applicant(), "/applicant/rewards/rwc-1/submit", form("idempotencyKey", "k-2", "pledgeAccepted", "true",
        "pledgeVersion", "2026年第1版（中文）")).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/applicant/rewards/rwc-1?submitted=1");
    assertThat(SENT.get(1)).isEqualTo(new Sent("/reward-claims/rwc-1/submit",
        "{\"pledge\":{\"accepted\":true,\"textVersion\":\"2026年第1版（中文）\"}}", "k-2"));
    String after = page(applicant(), "/applicant/rewards/rwc-1?submitted=1");
    assertThat(after).contains("奖励申领已提交，等待项目主管核验。").contains("待核验").doesNotContain("id=\"pledgeAccepted\"")
        .doesNotContain("enctype=\"multipart/form-data\"");
  }

  // ---------------------------------------------------------------- the program manager

  @Test
  void theManagerVerifiesFromTheQueue_andARejectionWithoutReasonIsExplained() {
    STATUS.set("SUBMITTED");
    String queue = page(manager(), "/manager/rewards");
    assertThat(queue).contains("奖励申领核验").contains("href=\"/manager/rewards/rwc-1\"").contains("¥200,000.01")
        .contains(ORG);
    String claim = page(manager(), "/manager/rewards/rwc-1");
    assertThat(claim).contains("高新技术企业证书.pdf").contains("action=\"/manager/rewards/rwc-1/decision\"")
        .contains("已接受（版本 2026年第1版（中文）");

    String refused = post(manager(), "/manager/rewards/rwc-1/decision", form("outcome", "REJECTED", "reason", " "))
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(refused).contains("不予通过时请填写理由。").contains("id=\"outcome-rejected\" name=\"outcome\" value=\"REJECTED\" checked");

    post(manager(), "/manager/rewards/rwc-1/decision", form("outcome", "VERIFIED", "reason", ""))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/rewards/rwc-1?decided=1");
    assertThat(SENT.get(1)).isEqualTo(new Sent("/reward-claims/rwc-1/decision",
        "{\"outcome\":\"VERIFIED\",\"reason\":null}", null));
  }

  @Test
  void anAuditorReadsTheQueueButIsOfferedNoDecision() {
    STATUS.set("SUBMITTED");
    String html = page(user("auditor", "AUDITOR"), "/manager/rewards/rwc-1");
    assertThat(html).contains("国家高新技术企业认定").doesNotContain("/decision\"");
  }

  // ---------------------------------------------------------------- finance

  @Test
  void financeSeesTheRewardPaymentInItsQueue() {
    String html = page(user("fin-officer", "FINANCE_OFFICER"), "/finance/queues/prepare");
    assertThat(html).contains("认定奖励").contains("¥200,000.01");
  }
}
