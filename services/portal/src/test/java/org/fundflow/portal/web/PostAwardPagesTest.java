package org.fundflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Issue 17 on the portal's pages, against one stub standing in for milestone-review and post-subsidy (each path
 * belongs to one of them): the program manager suspends a project with a reason, decides change requests and records
 * diligence (尽职免责); the applicant requests a change and sees what its organisation owes (追回). The stub records
 * what the portal sent and answers some calls with the services' problems.
 */
@SpringBootTest
class PostAwardPagesTest extends StubbedPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Sent(String uri, String body) {}

  static final List<Sent> SENT = new CopyOnWriteArrayList<>();
  static final AtomicReference<String> STATUS = new AtomicReference<>("ACTIVE");
  static final AtomicReference<String> SUSPENSION_REASON = new AtomicReference<>();

  static String project() {
    String reason = SUSPENSION_REASON.get();
    return """
        {"projectId":"prj-1","proposalId":"pr-1","programId":"pg-1","programKind":"GENERAL","organisationCode":"%s",
         "organisationName":"津南新材料","title":"高性能复合材料","awardedAmountFen":100000000,"status":"%s",%s
         "onHold":false,"nextDueMilestoneId":"m2",
         "milestones":[{"milestoneId":"m1","sequence":1,"title":"样品","deliverables":["样品"],"dueDate":"2027-06-30",
                        "tranchePercent":40,"status":"ACCEPTED"},
                       {"milestoneId":"m2","sequence":2,"title":"中试","deliverables":["中试报告"],"dueDate":"2027-12-31",
                        "tranchePercent":60,"status":"OPEN"}],
         "reports":[{"reportId":"r1","milestoneId":"m1","attempt":1,"status":"DECIDED","outcome":"FAILED",
                     "submittedAt":"2027-06-20T02:00:00Z"}],
         "awardedAt":"2026-12-06T02:00:00Z"}""".formatted(ORG, STATUS.get(),
        reason == null ? "" : "\"suspensionReason\":\"" + reason + "\",");
  }

  static final String HISTORY = """
      {"projectId":"prj-1","status":"ACTIVE",
       "history":[{"at":"2027-07-01T02:00:00Z","by":"app-li","action":"CHANGE_REQUESTED","subjectId":"cr-1"}],
       "changeRequests":[{"changeRequestId":"cr-1","kind":"MILESTONE_DUE_DATE","milestoneId":"m2","newDueDate":"2028-03-31",
                          "justification":"设备延期到货","requestedBy":"app-li","requestedAt":"2027-07-01T02:00:00Z","status":"PENDING"},
                         {"changeRequestId":"cr-0","kind":"TEAM_CHANGE","teamOrganisationCodes":["12120116800HQW767H"],
                          "justification":"增加合作单位","requestedBy":"app-li","requestedAt":"2027-05-01T02:00:00Z",
                          "status":"REFUSED","decidedBy":"program-manager","decidedAt":"2027-05-03T02:00:00Z",
                          "decisionReason":"合作单位资质不足"}]}""";

  static final String RECOVERIES = """
      [{"recoveryId":"rcv-prj-1","caseId":"case-1","projectId":"prj-1","programId":"pg-1","organisationCode":"%s",
        "amountFen":123456789,"releasedFen":123456789,"basis":"RELEASED","status":"OPEN","openedAt":"2027-08-01T02:00:00Z",
        "history":[]},
       {"recoveryId":"rcv-prj-0","caseId":"case-0","projectId":"prj-0","programId":"pg-1","organisationCode":"%s",
        "amountFen":777,"releasedFen":5000,"basis":"OFFICER_AMOUNT","status":"REPAID","openedAt":"2027-02-01T02:00:00Z",
        "settledAt":"2027-03-01T02:00:00Z","history":[]}]""".formatted(ORG, ORG);

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/projects/prj-1", (req, res) -> json(res, 200, project()))
          .get("/projects/prj-1/history", (req, res) -> json(res, 200, HISTORY))
          .get("/projects/prj-1/diligence-assessments", (req, res) -> json(res, 200, """
              [{"assessmentId":"prj-1:report:r1","projectId":"prj-1","milestoneId":"m1","reportId":"r1","terminating":false,
                "diligent":true,"misconduct":false,"exempts":true,"explanation":"团队按计划开展了全部试验",
                "evidenceRefs":[],"assessedBy":"program-manager","assessedAt":"2027-06-25T02:00:00Z"}]"""))
          .get("/projects/prj-1/milestones/m2/evidence", (req, res) -> json(res, 200, "[]"))
          .get("/projects/prj-1/reports/r1/evidence", (req, res) -> json(res, 200, "[]"))
          .get("/disbursements", (req, res) -> json(res, 200,
              "{\"items\":[],\"nextAfter\":null,\"count\":0,\"totalFen\":0}"))
          .get("/recoveries", (req, res) -> json(res, 200, RECOVERIES))
          .post("/projects/prj-1/suspension", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("\"reason\":\"\"")) {
              return json(res, 400, """
                  {"type":"https://fundflow.org/problems/validation","status":400,"title":"Bad Request",
                   "errors":[{"field":"reason","message":"must not be blank"}]}""");
            }
            STATUS.set("SUSPENDED");
            SUSPENSION_REASON.set("现场检查发现设备未到位");
            return json(res, 200, project());
          }))
          .post("/projects/prj-1/change-requests/cr-1/decision", (req, res) -> received(req).flatMap(body ->
              json(res, 409, "{\"type\":\"https://fundflow.org/problems/change-request-decided\",\"status\":409}")))
          .post("/projects/prj-1/diligence-assessments", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("\"diligent\":null")) {
              return json(res, 400, """
                  {"type":"https://fundflow.org/problems/validation","status":400,
                   "errors":[{"field":"diligent","message":"must not be null"}]}""");
            }
            return json(res, 201, """
                {"assessmentId":"prj-1:report:r1","projectId":"prj-1","reportId":"r1","terminating":false,"diligent":true,
                 "misconduct":false,"exempts":true,"explanation":"x","assessedBy":"program-manager",
                 "assessedAt":"2027-06-25T02:00:00Z"}""");
          }))
          .post("/projects/prj-1/change-requests", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("\"amountFen\":1")) {
              return json(res, 422, """
                  {"type":"https://fundflow.org/problems/budget-not-balanced","status":422,"detail":"lines add up to 1"}""");
            }
            return json(res, 201, """
                {"changeRequestId":"cr-2","kind":"BUDGET_REALLOCATION","justification":"x","requestedBy":"app-li",
                 "requestedAt":"2027-07-02T02:00:00Z","status":"PENDING"}""");
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
    for (String service : List.of("milestone-review", "post-subsidy")) {
      registry.add("portal.services." + service + ".timeout", () -> "20s");
    }
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    MONGO.shutdownNow();
  }


  @BeforeEach
  void clear() {
    SENT.clear();
    STATUS.set("ACTIVE");
    SUSPENSION_REASON.set(null);
  }

  static OidcLoginMutator user(String subject, String role) {
    return PageTests.login(subject, java.util.Map.of("name", "王芳", "org_code", ORG, "org_name", "津南新材料"), role);
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

  // ---------------------------------------------------------------- program manager

  @Test
  void theSuspendFormPostsTheReasonAndThePageThenShowsTheProjectSuspended() {
    String before = page(manager(), "/manager/projects/prj-1");
    assertThat(before).contains("实施中").contains("暂停项目").contains("终止项目").doesNotContain("恢复项目")
        .contains("action=\"/manager/projects/prj-1/status\"").contains("name=\"_csrf\"");

    post(manager(), "/manager/projects/prj-1/status", form("action", "SUSPENSION", "statusReason", " 现场检查发现设备未到位 "))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/projects/prj-1#status");
    assertThat(SENT).containsExactly(new Sent("/projects/prj-1/suspension", "{\"reason\":\"现场检查发现设备未到位\"}"));

    String after = page(manager(), "/manager/projects/prj-1");
    assertThat(after).contains("已暂停").contains("暂停理由").contains("现场检查发现设备未到位").contains("恢复项目")
        .doesNotContain("value=\"SUSPENSION\"");
  }

  @Test
  void aSuspensionWithoutAReasonIsRefusedAndTheLocalizedProblemIsShownNextToTheField() {
    String html = post(manager(), "/manager/projects/prj-1/status", form("action", "SUSPENSION", "statusReason", ""))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("id=\"statusReason-error\"").contains("请填写理由（不超过 4000 字）。")
        .contains("aria-describedby=\"statusReason-hint statusReason-error\"").contains("aria-invalid=\"true\"")
        .doesNotContain("must not be blank").doesNotContain("problems/validation");
    assertThat(html.indexOf("id=\"statusReason\"")).isLessThan(html.indexOf("id=\"statusReason-error\""));
    assertThat(STATUS.get()).isEqualTo("ACTIVE");
  }

  @Test
  void theManagerSeesTheChangeRequestsWithTheirDecisionsAndTheHistory_andADecidedRequestIsExplained() {
    String html = page(manager(), "/manager/projects/prj-1");
    assertThat(html).contains("调整里程碑截止日期").contains("2028-03-31").contains("设备延期到货").contains("待审批")
        .contains("团队变更").contains("未批准").contains("合作单位资质不足").contains("12120116800HQW767H")
        .contains("提交变更申请").contains("action=\"/manager/projects/prj-1/change-requests/cr-1/decision\"")
        .doesNotContain("change-requests/cr-0/decision");

    String refused = post(manager(), "/manager/projects/prj-1/change-requests/cr-1/decision",
        form("decision", "refuse", "decisionReason", "延期理由不充分"))
        .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).containsExactly(new Sent("/projects/prj-1/change-requests/cr-1/decision",
        "{\"approve\":false,\"reason\":\"延期理由不充分\"}"));
    assertThat(afterTag(refused, "id=\"cr-cr-1\"")).contains("该变更申请已审批。").contains("延期理由不充分");
  }

  @Test
  void aDiligenceAssessmentIsSentAndListed_andAMissingAnswerIsShownNextToItsQuestion() {
    String html = page(manager(), "/manager/projects/prj-1");
    assertThat(afterTag(html, "id=\"assessments\"")).contains("未通过的评审（r1）").contains("免责")
        .contains("团队按计划开展了全部试验");
    assertThat(html).contains("<option value=\"r1\"").contains("m1 #1");

    post(manager(), "/manager/projects/prj-1/diligence", form("subject", "r1", "diligent", "yes", "misconduct", "no",
        "explanation", "团队按计划开展了全部试验", "evidenceRefs", "f-1, 津审字(2027)12号"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/projects/prj-1#diligence");
    assertThat(SENT.get(0).body()).isEqualTo("{\"reportId\":\"r1\",\"diligent\":true,\"misconduct\":false,"
        + "\"explanation\":\"团队按计划开展了全部试验\",\"evidenceRefs\":[\"f-1\",\"津审字(2027)12号\"]}");

    String refused = post(manager(), "/manager/projects/prj-1/diligence",
        form("subject", "r1", "misconduct", "no", "explanation", "说明"))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("id=\"diligent-error\"").contains("请选择团队是否勤勉尽责。")
        .contains("id=\"misconduct-no\" name=\"misconduct\" value=\"no\" checked").contains(">说明</textarea>");
  }

  @Test
  void anAuditorReadsTheProjectButIsOfferedNoAction() {
    String html = page(user("auditor", "AUDITOR"), "/manager/projects/prj-1");
    assertThat(html).contains("设备延期到货").doesNotContain("/status\"").doesNotContain("/decision\"")
        .doesNotContain("/diligence\"");
  }

  // ---------------------------------------------------------------- applicant

  @Test
  void theApplicantsChangeRequestSendsOnlyTheChosenKindWithAmountsInFen() {
    String html = page(applicant(), "/applicant/projects/prj-1");
    assertThat(html).contains("action=\"/applicant/projects/prj-1/change-requests\"").contains("name=\"_csrf\"")
        .contains("合作单位资质不足").contains("<option value=\"m2\"").doesNotContain("<option value=\"m1\"");

    MultiValueMap<String, String> budget = form("kind", "BUDGET_REALLOCATION", "milestoneId", "m2",
        "category", "设备费", "amount", "600,000.00", "category", "劳务费", "amount", "¥400,000", "category", "",
        "amount", "", "team", "12120116800HQW767H", "justification", "设备采购价格下降");
    post(applicant(), "/applicant/projects/prj-1/change-requests", budget)
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/applicant/projects/prj-1?changed=1#changes");
    assertThat(SENT).containsExactly(new Sent("/projects/prj-1/change-requests",
        "{\"kind\":\"BUDGET_REALLOCATION\",\"milestoneId\":null,\"newDueDate\":null,\"budgetLines\":["
            + "{\"category\":\"设备费\",\"amountFen\":60000000},{\"category\":\"劳务费\",\"amountFen\":40000000}],"
            + "\"teamOrganisationCodes\":null,\"justification\":\"设备采购价格下降\"}"));
    assertThat(page(applicant(), "/applicant/projects/prj-1?changed=1")).contains("变更申请已提交，等待项目主管审批。");
  }

  @Test
  void aDueDateChangeSendsTheDate_andRefusalsAreShownWithTheTypedValuesKept() {
    post(applicant(), "/applicant/projects/prj-1/change-requests", form("kind", "MILESTONE_DUE_DATE",
        "milestoneId", "m2", "newDueDate", "2028-03-31", "justification", "设备延期到货"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(SENT.get(0).body()).contains("\"kind\":\"MILESTONE_DUE_DATE\"").contains("\"milestoneId\":\"m2\"")
        .contains("\"newDueDate\":\"2028-03-31\"").contains("\"budgetLines\":null");

    SENT.clear();
    String unreadable = post(applicant(), "/applicant/projects/prj-1/change-requests", form("kind",
        "BUDGET_REALLOCATION", "category", "设备费", "amount", "12.345", "justification", "理由"))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).isEmpty();
    assertThat(unreadable).contains("id=\"budgetLines-error\"").contains("value=\"12.345\"").contains("value=\"设备费\"");

    String unbalanced = post(applicant(), "/applicant/projects/prj-1/change-requests", form("kind",
        "BUDGET_REALLOCATION", "category", "设备费", "amount", "0.01", "justification", "理由"))
        .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
    assertThat(unbalanced).contains("调剂后各科目金额之和须等于立项金额。").doesNotContain("lines add up")
        .contains("id=\"kind-BUDGET_REALLOCATION\" value=\"BUDGET_REALLOCATION\" checked");
  }

  @Test
  void theApplicantSeesWhatItsOrganisationOwesExactToTheFen() {
    String html = page(applicant(), "/applicant/projects/prj-1");
    String owed = afterTag(html, "id=\"recoveries-heading\"");
    assertThat(owed).contains("尚未退回合计：¥1,234,567.89").contains("¥1,234,567.89").contains("待退回")
        .contains("¥7.77").contains("已退回").contains("href=\"/applicant/projects/prj-0\"");
  }

  @Test
  void theRecoveriesAreShownInEnglishToo() {
    String html = web.mutateWith(applicant()).get().uri("/applicant/projects/prj-1")
        .cookie(org.fundflow.portal.i18n.Languages.COOKIE, "en").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("Still to repay: ¥1,234,567.89").contains("¥7.77");
  }
}
