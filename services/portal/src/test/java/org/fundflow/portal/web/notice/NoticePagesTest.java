package org.fundflow.portal.web.notice;

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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
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
 * Issue 17 point 2 on the portal's pages, against a stub standing in for project-intake: the public notice read
 * without logging in (and without any token sent to the service), the objection form with its evidence file, and the
 * program manager's uphold/dismiss page. The stub records what the portal sent.
 */
@SpringBootTest
class NoticePagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Sent(String uri, String authorization, String ifMatch, String body) {}

  static final List<Sent> SENT = new CopyOnWriteArrayList<>();
  static final AtomicReference<String> STATUS = new AtomicReference<>("UNDER_NOTICE");

  static final String PUBLIC = """
      {"items":[{"proposalId":"prp-1","programId":"prg-1","title":"高温碳化硅功率模块封装","organisationName":"天津大学",
                 "awardedAmountFen":300000000,"awardedAt":"2026-12-07T15:30:00Z","noticeEndsAt":"2026-12-14T16:00:00Z",
                 "objectionsPending":1}],"nextCursor":null}""";

  static String proposal() {
    boolean withdrawn = "AWARD_WITHDRAWN".equals(STATUS.get());
    return """
        {"id":"prp-1","programId":"prg-1","title":"高温碳化硅功率模块封装","organisationName":"天津大学",
         "organisationCode":"%s","status":"%s","awardedAmountFen":300000000,"decidedAt":"2026-12-07T15:30:00Z",
         "notice":{"startedAt":"2026-12-07T15:30:00Z","endsAt":"2026-12-14T16:00:00Z",%s
           "objections":[{"objectionId":"obj-1","lodgedAt":"2026-12-08T02:00:00Z","reasons":"该成果已于2025年获资助",
                          "status":"%s"%s}]}}""".formatted(ORG, STATUS.get(),
        withdrawn ? "\"withdrawnAt\":\"2026-12-09T02:00:00Z\",\"withdrawalReason\":\"经核实属重复申报\"," : "",
        withdrawn ? "UPHELD" : "PENDING",
        withdrawn ? ",\"decidedAt\":\"2026-12-09T02:00:00Z\",\"decisionReason\":\"经核实属重复申报\"" : "");
  }

  static final DisposableServer INTAKE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/public/award-notices", (req, res) -> {
            SENT.add(new Sent(req.uri(), req.requestHeaders().get("Authorization"), null, ""));
            return json(res, 200, PUBLIC);
          })
          .get("/proposals/prp-1", (req, res) -> res.status(200).header("Content-Type", "application/json")
              .header("ETag", "\"7\"").sendString(Mono.just(proposal())).then())
          .get("/proposals/prp-1/objections/obj-1/files", (req, res) -> json(res, 200, """
              [{"fileId":"f-1","name":"证据.pdf","mediaType":"application/pdf","sizeBytes":1234,
                "uploadedAt":"2026-12-08T02:01:00Z"}]"""))
          .post("/proposals/prp-1/objections", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("已结束")) {
              return json(res, 422, """
                  {"type":"https://fundflow.org/problems/notice-ended","status":422,"detail":"ended"}""");
            }
            return json(res, 201, """
                {"proposalId":"prp-1","noticeEndsAt":"2026-12-14T16:00:00Z",
                 "objection":{"objectionId":"obj-2","lodgedAt":"2026-12-08T03:00:00Z","reasons":"x","status":"PENDING"}}""");
          }))
          .post("/proposals/prp-1/objections/obj-2/files", (req, res) -> received(req).flatMap(body ->
              json(res, 201, "{\"fileId\":\"f-2\",\"name\":\"e.pdf\",\"mediaType\":\"application/pdf\","
                  + "\"sizeBytes\":4,\"uploadedAt\":\"2026-12-08T03:00:01Z\"}")))
          .post("/proposals/prp-1/objections/obj-1/decision", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("UPHOLD")) {
              STATUS.set("AWARD_WITHDRAWN");
            }
            return json(res, 200, proposal());
          })))
      .bindNow();

  static Mono<String> received(HttpServerRequest req) {
    return req.receive().aggregate().asString().defaultIfEmpty("")
        .doOnNext(body -> SENT.add(new Sent(req.uri(), req.requestHeaders().get("Authorization"),
            req.requestHeaders().get("If-Match"), body)));
  }

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
        .sendString(Mono.just(body)).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String stub = "http://127.0.0.1:" + INTAKE.port();
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.project-intake.url", () -> stub);
    registry.add("portal.services.project-intake.timeout", () -> "20s");
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.integrity-check.url", () -> "http://127.0.0.1:1");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @AfterAll
  static void stop() {
    INTAKE.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired ApplicationContext context;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(Duration.ofSeconds(30)).build();
    SENT.clear();
    STATUS.set("UNDER_NOTICE");
  }

  static OidcLoginMutator user(String subject, String role, String org) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(ClientsConfig.REGISTRATION)
        .clientId("portal").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build();
    return mockOidcLogin().clientRegistration(registration)
        .idToken(t -> t.subject(subject).claim("name", "王芳").claim("org_code", org).claim("roles", List.of(role)))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  static OidcLoginMutator manager() {
    return user("program-manager", "PROGRAM_MANAGER", null);
  }

  static OidcLoginMutator citizen() {
    return user("expert-zhao", "EXPERT", "12120116800HQW767H");
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

  // ---------------------------------------------------------------- public

  @Test
  void thePublicNoticeIsReadWithoutLoggingInInChineseByDefaultAndInEnglish_andNoTokenIsSent() {
    String html = web.get().uri("/public/notices").exchange().expectStatus().isOk().expectBody(String.class)
        .returnResult().getResponseBody();
    assertThat(html).contains("立项公示").contains("高温碳化硅功率模块封装").contains("天津大学").contains("¥3,000,000.00")
        .contains("2026-12-15 00:00").contains("1 件异议待处理").contains("登录后提出异议")
        .contains("href=\"/notices/prp-1/objection\"").contains("lang=\"zh-CN\"");
    assertThat(SENT).singleElement().satisfies(s -> assertThat(s.authorization()).isNull());

    String english = web.get().uri("/public/notices").cookie("FUNDFLOW_LANG", "en").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(english).contains("Awards under public notice");
  }

  @Test
  void theObjectionFormNeedsALogin() {
    web.get().uri("/notices/prp-1/objection").exchange().expectStatus().is3xxRedirection();
  }

  @Test
  void aLoggedInUserObjectsWithReasonsAndAnEvidenceFile() {
    String formPage = page(citizen(), "/notices/prp-1/objection");
    assertThat(formPage).contains("对立项提出异议").contains("高温碳化硅功率模块封装").contains("enctype=\"multipart/form-data\"")
        .contains("name=\"_csrf\"").contains("id=\"reasons\"").contains("type=\"file\"");

    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("reasons", " 该成果已于2025年获市级资助 ");
    parts.part("file", new ByteArrayResource("%PDF".getBytes()) {
      @Override
      public String getFilename() {
        return "e.pdf";
      }
    }).contentType(MediaType.APPLICATION_PDF);
    String lodged = web.mutateWith(citizen()).mutateWith(csrf()).post().uri("/notices/prp-1/objection")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange()
        .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
    assertThat(lodged).contains("异议已提交").contains("obj-2").contains("2026-12-15 00:00");
    assertThat(SENT).filteredOn(s -> s.uri().equals("/proposals/prp-1/objections")).singleElement()
        .satisfies(s -> assertThat(s.body()).isEqualTo("{\"reasons\":\"该成果已于2025年获市级资助\"}"));
    assertThat(SENT).anyMatch(s -> s.uri().equals("/proposals/prp-1/objections/obj-2/files"));
  }

  @Test
  void anObjectionWithoutReasonsIsRefusedBeforeAskingTheService_andTheServicesRefusalIsLocalized() {
    MultipartBodyBuilder empty = new MultipartBodyBuilder();
    empty.part("reasons", "  ");
    String html = web.mutateWith(citizen()).mutateWith(csrf()).post().uri("/notices/prp-1/objection")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(empty.build())).exchange()
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("id=\"reasons-error\"").contains("请填写异议理由").contains("aria-invalid=\"true\"");
    assertThat(SENT).noneMatch(s -> s.uri().equals("/proposals/prp-1/objections"));

    MultipartBodyBuilder late = new MultipartBodyBuilder();
    late.part("reasons", "公示已结束");
    String refused = web.mutateWith(citizen()).mutateWith(csrf()).post().uri("/notices/prp-1/objection")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(late.build())).exchange()
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(refused).contains("公示期已结束，不再受理异议。").doesNotContain("problems/notice-ended");
  }

  // ---------------------------------------------------------------- program manager

  @Test
  void theManagerUpholdsAnObjectionWithTheETagRead_andThePageShowsTheAwardWithdrawnAndWhy() {
    String html = page(manager(), "/manager/proposals/prp-1/notice");
    assertThat(html).contains("立项公示与异议").contains("该成果已于2025年获资助").contains("证据.pdf")
        .contains("/manager/proposals/prp-1/objections/obj-1/files/f-1")
        .contains("action=\"/manager/proposals/prp-1/objections/obj-1/decision\"").contains("value=\"UPHOLD\"")
        .contains("value=\"DISMISS\"").contains("name=\"_csrf\"");

    web.mutateWith(manager()).mutateWith(csrf()).post().uri("/manager/proposals/prp-1/objections/obj-1/decision")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData(form("etag", "\"7\"", "outcome", "UPHOLD", "reason", " 经核实属重复申报 ")))
        .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader()
        .location("/manager/proposals/prp-1/notice");
    assertThat(SENT).filteredOn(s -> s.uri().endsWith("/decision")).singleElement().satisfies(s -> {
      assertThat(s.body()).contains("\"outcome\":\"UPHOLD\"").contains("\"reason\":\"经核实属重复申报\"");
      assertThat(s.ifMatch()).isEqualTo("\"7\"");
    });

    String after = page(manager(), "/manager/proposals/prp-1/notice");
    assertThat(after).contains("立项已撤销").contains("经核实属重复申报").contains("异议成立")
        .doesNotContain("/objections/obj-1/decision\"");
  }

  @Test
  void aDecisionWithoutOutcomeOrReasonIsShownNextToItsFieldsAndNotSent() {
    String html = web.mutateWith(manager()).mutateWith(csrf()).post()
        .uri("/manager/proposals/prp-1/objections/obj-1/decision").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData(form("etag", "\"7\"", "reason", ""))).exchange()
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("请选择处理决定。").contains("请填写处理理由").contains("id=\"reason-obj-1-error\"");
    assertThat(SENT).noneMatch(s -> s.uri().endsWith("/decision"));
  }

  @Test
  void anAuditorReadsTheNoticeAndIsOfferedNoDecision() {
    String html = page(user("auditor", "AUDITOR", null), "/manager/proposals/prp-1/notice");
    assertThat(html).contains("该成果已于2025年获资助").doesNotContain("/decision\"");
  }
}
