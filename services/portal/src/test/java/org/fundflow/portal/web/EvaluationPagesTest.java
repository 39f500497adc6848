package org.fundflow.portal.web;

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
 * 绩效评价 (issue 17 point 6) on the portal's pages, against a stub standing in for milestone-review: the program
 * manager's rating form sends one rating per target indicator with the evidence and the chosen files; a refusal is
 * shown next to its field with what was typed kept; auditors read the evaluation and the summary per program without
 * any form.
 */
@SpringBootTest
class EvaluationPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Sent(String uri, String body) {}

  static final List<Sent> SENT = new CopyOnWriteArrayList<>();

  static final String OPEN_SHEET = """
      {"projectId":"prj-c","programId":"pg-c","challengeId":"ch-1","title":"永磁材料","organisationCode":"%s",
       "projectStatus":"COMPLETED","status":"OPEN","targetIndicators":["剩磁 Br ≥ 1.45 T","重稀土用量降低 ≥ 40 %%"]}"""
      .formatted(ORG);

  static final String EVALUATED_SHEET = """
      {"projectId":"prj-e","programId":"pg-c","challengeId":"ch-1","title":"伺服电机","organisationCode":"%s",
       "projectStatus":"COMPLETED","status":"EVALUATED","targetIndicators":["剩磁 Br ≥ 1.45 T"],
       "evaluation":{"projectId":"prj-e","programId":"pg-c","challengeId":"ch-1","organisationCode":"%s",
         "projectTitle":"伺服电机","panelExpertIds":["e1","e2","e3"],
         "ratings":[{"index":0,"indicator":"剩磁 Br ≥ 1.45 T","rating":"PARTLY_MET","evidence":"实测 1.43 T",
           "evidenceFiles":[{"fileId":"f-9","name":"检测报告.pdf","mediaType":"application/pdf","sizeBytes":10,
             "sha256":"ab","uploadedBy":"program-manager","uploadedAt":"2028-07-01T02:00:00Z","href":"/x"}]}],
         "met":0,"partlyMet":1,"notMet":0,"conclusion":"基本达到","evaluatedBy":"program-manager",
         "evaluatedAt":"2028-07-02T02:00:00Z"}}""".formatted(ORG, ORG);

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/projects/prj-c/performance-evaluation", (req, res) -> json(res, 200, OPEN_SHEET))
          .get("/projects/prj-e/performance-evaluation", (req, res) -> json(res, 200, EVALUATED_SHEET))
          .get("/projects/prj-c/performance-evaluation/evidence", (req, res) -> json(res, 200, """
              [{"fileId":"f-1","name":"检测报告.pdf","mediaType":"application/pdf","sizeBytes":10,"sha256":"ab",
                "uploadedBy":"program-manager","uploadedAt":"2028-07-01T02:00:00Z","href":"/x"}]"""))
          .get("/performance-summary", (req, res) -> json(res, 200, """
              [{"programId":"pg-c","completedProjects":2,"evaluatedProjects":1,"met":3,"partlyMet":1,"notMet":0,
                "projects":[{"projectId":"prj-e","title":"伺服电机","organisationCode":"%s","evaluated":true,
                             "met":3,"partlyMet":1,"notMet":0,"evaluatedAt":"2028-07-02T02:00:00Z"},
                            {"projectId":"prj-c","title":"永磁材料","organisationCode":"%s","evaluated":false,
                             "met":0,"partlyMet":0,"notMet":0}]}]""".formatted(ORG, ORG)))
          .post("/projects/prj-c/performance-evaluation", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("\"rating\":null")) {
              return json(res, 400, """
                  {"type":"https://fundflow.org/problems/validation","status":400,
                   "errors":[{"field":"ratings[1].rating","message":"must not be null"}]}""");
            }
            if (body.contains("\"e4\"")) {
              return json(res, 422, "{\"type\":\"https://fundflow.org/problems/invalid-panel\",\"status\":422}");
            }
            return json(res, 201, EVALUATED_SHEET.substring(EVALUATED_SHEET.indexOf("\"evaluation\":") + 13,
                EVALUATED_SHEET.length() - 1));
          })))
      .bindNow();

  static Mono<String> received(HttpServerRequest req) {
    return req.receive().aggregate().asString().defaultIfEmpty("")
        .doOnNext(body -> SENT.add(new Sent(req.uri(), body)));
  }

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
        .sendString(Mono.just(body)).then();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String stub = "http://127.0.0.1:" + SERVICES.port();
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.milestone-review.url", () -> stub);
    registry.add("portal.services.post-subsidy.url", () -> stub);
    registry.add("portal.services.project-intake.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.integrity-check.url", () -> "http://127.0.0.1:1");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
    for (String service : List.of("milestone-review")) {
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
        .responseTimeout(Duration.ofSeconds(30)).build();
    SENT.clear();
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

  static OidcLoginMutator manager() {
    return user("program-manager", "PROGRAM_MANAGER");
  }

  static OidcLoginMutator applicant() {
    return user("app-li", "APPLICANT");
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

  static String afterTag(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    return html.substring(at);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void theManagerRatesEveryIndicatorWithItsEvidenceAndFiles() {
    String html = page(manager(), "/manager/projects/prj-c/evaluation");
    assertThat(html).contains("指标 1：剩磁 Br ≥ 1.45 T").contains("指标 2：重稀土用量降低 ≥ 40 %")
        .contains("action=\"/manager/projects/prj-c/evaluation\"").contains("name=\"_csrf\"")
        .contains("action=\"/manager/projects/prj-c/evaluation/files\"").contains("检测报告.pdf")
        .contains("name=\"count\" value=\"2\"");

    post(manager(), "/manager/projects/prj-c/evaluation", form("count", "2", "panel", "e1, e2 e3",
        "rating-0", "MET", "evidence-0", " 实测 1.47 T ", "files-0", "f-1", "rating-1", "NOT_MET",
        "evidence-1", "降低 28 %", "conclusion", ""))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/manager/projects/prj-c/evaluation#evaluation");
    assertThat(SENT).containsExactly(new Sent("/projects/prj-c/performance-evaluation",
        "{\"panelExpertIds\":[\"e1\",\"e2\",\"e3\"],\"ratings\":["
            + "{\"index\":0,\"rating\":\"MET\",\"evidence\":\"实测 1.47 T\",\"evidenceFileIds\":[\"f-1\"]},"
            + "{\"index\":1,\"rating\":\"NOT_MET\",\"evidence\":\"降低 28 %\",\"evidenceFileIds\":[]}],"
            + "\"conclusion\":null}"));
  }

  @Test
  void aMissingRatingIsShownNextToItsIndicator_andAPanelRefusalAboveTheForm() {
    String refused = post(manager(), "/manager/projects/prj-c/evaluation", form("count", "2", "panel", "e1 e2 e3",
        "rating-0", "MET", "evidence-0", "依据一", "rating-1", "", "evidence-1", "依据二"))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"rating-1-error\"").contains("请为该指标选择评价结论。")
        .contains(">依据二</textarea>").contains("value=\"e1 e2 e3\"").doesNotContain("id=\"rating-0-error\"")
        .doesNotContain("must not be null");

    String panel = post(manager(), "/manager/projects/prj-c/evaluation", form("count", "2", "panel", "e1 e2 e3 e4",
        "rating-0", "MET", "evidence-0", "a", "rating-1", "MET", "evidence-1", "b"))
        .expectStatus().isEqualTo(422).expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(panel).contains("notice-problem");
  }

  @Test
  void anAuditorReadsTheEvaluationAndTheSummaryWithoutAnyForm() {
    OidcLoginMutator auditor = user("auditor", "AUDITOR");
    String evaluated = page(auditor, "/manager/projects/prj-e/evaluation");
    assertThat(evaluated).contains("部分达到").contains("实测 1.43 T").contains("基本达到")
        .contains("/manager/projects/prj-e/evaluation/files/f-9")
        .doesNotContain("action=\"/manager/projects/prj-e/evaluation\"").doesNotContain("evaluation/files\"");
    assertThat(page(auditor, "/manager/projects/prj-c/evaluation")).doesNotContain("action=\"/manager/projects/prj-c/evaluation\"");

    String summary = page(auditor, "/manager/evaluations");
    assertThat(summary).contains("计划 pg-c").contains("伺服电机").contains("永磁材料").contains("已评价").contains("待评价");
    post(auditor, "/manager/projects/prj-c/evaluation", form("count", "0")).expectStatus().isForbidden();
  }
}
