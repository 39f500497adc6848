package org.fundflow.portal.web.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.portal.web.PageTests.form;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fundflow.portal.web.PageTests;
import org.fundflow.portal.web.StubbedPagesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The program manager's pages with the real security chain against one stub standing in for project-intake,
 * milestone-review and integrity-check (each path belongs to one of them). The stub records what the portal sent:
 * amounts in fen, If-Match, Idempotency-Key, filters; and answers some calls with the services' problems.
 */
@SpringBootTest
class ManagerPagesTest extends StubbedPagesTest {

  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
  static final List<Sent> SENT = new CopyOnWriteArrayList<>();

  record Sent(String method, String uri, String body, String ifMatch, String idempotencyKey) {}

  static final String PROGRAM = """
      {"id":"pg-1","name":"新材料揭榜挂帅","kind":"CHALLENGE","status":"DRAFT","budgetFen":5000000000,
       "perProjectCapFen":300000000,"awardedFen":1000000000,"remainingToAwardFen":4000000000,
       "callWindow":{"opensAt":"2026-01-01T01:00:00Z","closesAt":"2099-01-01T01:00:00Z",
                     "opensLocal":"2026-01-01T09:00","closesLocal":"2099-01-01T09:00"},"revision":0}""";
  static final String PROPOSAL = """
      {"id":"pr-1","programId":"pg-1","programKind":"CHALLENGE","organisationCode":"91120112MNH91HTMX6",
       "organisationName":"津南新材料","status":"UNDER_REVIEW","title":"无重稀土永磁","abstract":"摘要",
       "requestedAmountFen":123456789,"submittedAt":"2026-12-06T02:00:00Z","createdAt":"2026-12-06T01:00:00Z"}""";
  static final String REPORT = """
      {"reportId":"r-1","projectId":"prj-1","milestoneId":"prj-1-m1","attempt":1,"status":"DECIDED",
       "deliverablesMet":["工艺规程"],"spendingToDateFen":100,"submittedAt":"2026-12-06T02:00:00Z","panelSize":5,
       "panel":[{"expertId":"expert1","expertOrganisationCode":"12120116800HQW767H","declaredNoConflict":true,"scored":true,
                 "evaluation":{"total":90,"recommendation":"PASSED"}}],
       "recusedExperts":[],
       "decision":{"outcome":"PASSED","meanScore":84.67,"totalsUsed":[80,84,90],"totalsDropped":[60,95],
                   "rule":"drop the highest and the lowest total, mean of the rest >= 80: PASSED","decidedAt":"2026-12-06T03:00:00Z"}}""";

  // 立项评审: the program's ranking after expert review
  static final String RANKING = """
      {"programId":"pg-1","reviewRequired":true,"rubric":[{"name":"创新性","weight":45},{"name":"可行性","weight":35},
       {"name":"团队","weight":20}],
       "ranking":[{"rank":1,"proposalId":"pr-2","title":"余热吸附式制冷","organisationName":"津南节能","status":"UNDER_REVIEW",
                   "requestedAmountFen":150000000,"score":"88.00","totalsUsed":[86,88,90],"totalsDropped":[],
                   "explanation":"3 experts (< 5): all totals used; mean of [86, 88, 90] = 264/3 = 88.00","panelSize":3,
                   "reviewedAt":"2026-12-06T03:00:00Z"},
                  {"rank":2,"proposalId":"pr-1","title":"无重稀土永磁","organisationName":"津南新材料","status":"UNDER_REVIEW",
                   "requestedAmountFen":123456789,"score":"78.00","totalsUsed":[74,78,82],"totalsDropped":[95,40],
                   "explanation":"5 experts (>= 5): highest 95 and lowest 40 dropped","panelSize":5,
                   "reviewedAt":"2026-12-06T03:00:00Z"},
                  {"rank":3,"proposalId":"pr-3","title":"污水处理装备","organisationName":"津南环保","status":"AWARDED",
                   "requestedAmountFen":100000000,"score":"62.00","totalsUsed":[60,62,64],"totalsDropped":[],
                   "explanation":"mean","panelSize":3,"reviewedAt":"2026-12-06T03:00:00Z","awardedAmountFen":90000000,
                   "outOfRankOrderReason":"前两名与已立项课题重复"}],
       "awaitingReview":[{"proposalId":"pr-4","title":"尚在评审","organisationName":"某单位","status":"UNDER_REVIEW"}]}""";

  static final java.util.concurrent.atomic.AtomicReference<String> REVIEW_PANEL =
      new java.util.concurrent.atomic.AtomicReference<>("");

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/programs/pg-1/ranking", (req, res) -> json(res, 200, RANKING, null))
          .get("/programs/pg-1", (req, res) -> json(res, 200, PROGRAM, "\"3\""))
          .get("/programs/pg-1/challenges", (req, res) -> json(res, 200, "[]", null))
          .put("/programs/pg-1", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            SENT.add(new Sent("PUT", req.uri(), body, req.requestHeaders().get("If-Match"),
                req.requestHeaders().get("Idempotency-Key")));
            return "\"3\"".equals(req.requestHeaders().get("If-Match")) ? json(res, 200, PROGRAM, "\"4\"").then()
                : json(res, 412, "{\"type\":\"https://fundflow.org/problems/version-mismatch\",\"status\":412}", null).then();
          }))
          .post("/programs/pg-1/open", (req, res) -> {
            SENT.add(new Sent("POST", req.uri(), null, null, req.requestHeaders().get("Idempotency-Key")));
            return json(res, 409, "{\"type\":\"https://fundflow.org/problems/illegal-transition\",\"status\":409}", null);
          })
          .post("/programs", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            SENT.add(new Sent("POST", req.uri(), body, null, req.requestHeaders().get("Idempotency-Key")));
            if (body.contains("\"closesAt\":\"2020-01-01T09:00\"")) {
              return json(res, 400, """
                  {"type":"https://fundflow.org/problems/validation","status":400,"title":"Bad Request",
                   "errors":[{"field":"callWindow.closesAt","message":"must be after opensAt"}]}""", null).then();
            }
            return json(res, 201, PROGRAM, "\"0\"").then();
          }))
          .get("/proposals", (req, res) -> {
            SENT.add(new Sent("GET", req.uri(), null, null, null));
            return json(res, 200, "{\"items\":[" + PROPOSAL + "],\"nextCursor\":\"pr-1\"}", null);
          })
          .get("/proposals/pr-1", (req, res) -> json(res, 200, PROPOSAL, "\"7\""))
          .post("/proposals/pr-1/award", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            SENT.add(new Sent("POST", req.uri(), body, req.requestHeaders().get("If-Match"),
                req.requestHeaders().get("Idempotency-Key")));
            if (body.equals("{\"amountFen\":200}")) {
              return json(res, 422, """
                  {"type":"https://fundflow.org/problems/out-of-rank-order","status":422,
                   "higherRankedProposalIds":["pr-2"]}""", null).then();
            }
            if (body.equals("{\"amountFen\":100}")) {
              return json(res, 412, "{\"type\":\"https://fundflow.org/problems/version-mismatch\",\"status\":412}", null).then();
            }
            return json(res, 200, PROPOSAL.replace("UNDER_REVIEW", "AWARDED"), "\"8\"").then();
          }))
          .get("/integrity-records/organisations/91120112MNH91HTMX6", (req, res) -> json(res, 200, """
              {"onHold":true,"flags":[{"flagId":"f-1","rule":{"code":"DUPLICATE_APPLICATION","name":"duplicate-application"},
                "severity":"HIGH","raisedAt":"2026-11-01T00:00:00Z"}],
               "holds":[{"holdId":"h-1","reason":"伪造审计报告","startsAt":"2026-11-02T00:00:00Z","endsAt":"2029-12-30T16:00:00Z","status":"ACTIVE"}]}""", null))
          .get("/projects/prj-1", (req, res) -> json(res, 200, """
              {"projectId":"prj-1","proposalId":"pr-1","programId":"pg-1","organisationCode":"91120112MNH91HTMX6",
               "organisationName":"津南新材料","title":"无重稀土永磁","awardedAmountFen":100000000,"status":"ACTIVE",
               "onHold":false,"milestones":[{"milestoneId":"prj-1-m1","sequence":1,"title":"小批量样品制备",
                 "dueDate":"2027-06-30","tranchePercent":30,"status":"UNDER_REVIEW"}],"reports":[]}""", null))
          .get("/projects/prj-1/reports/r-1", (req, res) -> json(res, 200, REPORT, null))
          .get("/experts", (req, res) -> {
            SENT.add(new Sent("GET", req.uri(), null, null, null));
            return json(res, 200, """
                {"items":[{"expertId":"expert1","name":"陈杰","organisationCode":"12120116800HQW767H","maskedId":"1101**********824X"},
                          {"expertId":"expert2","name":"刘洋","organisationCode":"521201126KXLELYT33","maskedId":"1101**********824X"}],
                 "nextCursor":"expert2"}""", null);
          })
          .get("/experts/expert1", (req, res) -> json(res, 200,
              "{\"expertId\":\"expert1\",\"name\":\"陈杰\",\"organisationCode\":\"12120116800HQW767H\"}", null))
          .get("/proposal-reviews/pr-1", (req, res) -> json(res, 200, REVIEW_PANEL.get().isEmpty() ? """
              {"proposalId":"pr-1","programId":"pg-1","organisationName":"津南新材料","title":"无重稀土永磁",
               "status":"AWAITING_PANEL","panel":[]}""" : """
              {"proposalId":"pr-1","programId":"pg-1","organisationName":"津南新材料","title":"无重稀土永磁",
               "status":"IN_REVIEW","panelSize":3,"panel":[%s]}""".formatted(REVIEW_PANEL.get()), null))
          .get("/proposal-reviews/pr-none", (req, res) -> json(res, 404,
              "{\"type\":\"https://fundflow.org/problems/not-found\",\"status\":404}", null))
          .post("/proposal-reviews/pr-1/panel", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            SENT.add(new Sent("POST", req.uri(), body, null, null));
            if (!body.contains("expert3")) {
              return json(res, 422, """
                  {"type":"https://fundflow.org/problems/panel-too-small","status":422}""", null).then();
            }
            REVIEW_PANEL.set("""
                {"expertId":"expert1","expertOrganisationCode":"12120116800HQW767H","declaredNoConflict":true,"scored":false},
                {"expertId":"expert2","expertOrganisationCode":"521201126KXLELYT33","declaredNoConflict":false,"scored":false},
                {"expertId":"expert3","expertOrganisationCode":"12120116800HQW767H","declaredNoConflict":false,"scored":false}""");
            return json(res, 200, "{\"proposalId\":\"pr-1\",\"status\":\"IN_REVIEW\"}", null).then();
          }))
          // 回避: expert2 left each of these panels, one seat is free
          .get("/proposal-reviews/pr-5", (req, res) -> json(res, 200, """
              {"proposalId":"pr-5","programId":"pg-1","organisationName":"津南新材料","title":"高熵合金",
               "status":"IN_REVIEW","panelSize":3,
               "panel":[{"expertId":"expert3","declaredNoConflict":true,"scored":false},
                        {"expertId":"expert4","declaredNoConflict":false,"scored":false}],
               "recusedExperts":[{"expertId":"expert2","reason":"曾与申报单位合作","declaredAt":"2026-12-06T03:00:00Z"}]}""",
              null))
          .post("/proposal-reviews/pr-5/panel/experts", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add(new Sent("POST", req.uri(), body, null, null));
                return body.contains("expert3") ? json(res, 422, """
                    {"type":"https://fundflow.org/problems/invalid-panel","status":422}""", null).then()
                    : json(res, 200, "{\"proposalId\":\"pr-5\",\"status\":\"IN_REVIEW\"}", null).then();
              }))
          .get("/projects/prj-1/reports/r-2", (req, res) -> json(res, 200, """
              {"reportId":"r-2","projectId":"prj-1","milestoneId":"prj-1-m1","attempt":1,"status":"UNDER_REVIEW",
               "deliverablesMet":[],"spendingToDateFen":100,"submittedAt":"2026-12-06T02:00:00Z","panelSize":3,
               "panel":[{"expertId":"expert1","declaredNoConflict":true,"scored":false},
                        {"expertId":"expert3","declaredNoConflict":false,"scored":false}],
               "recusedExperts":[{"expertId":"expert2","reason":"近三年合作","declaredAt":"2026-12-06T03:00:00Z"}]}""",
              null))
          .post("/projects/prj-1/reports/r-2/panel/experts", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add(new Sent("POST", req.uri(), body, null, null));
                return json(res, 422, """
                    {"type":"https://fundflow.org/problems/expert-conflict","status":422}""", null).then();
              }))
          .post("/projects/prj-1/reports/r-1/panel", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            SENT.add(new Sent("POST", req.uri(), body, null, req.requestHeaders().get("Idempotency-Key")));
            return json(res, 422, """
                {"type":"https://fundflow.org/problems/expert-conflict","status":422,"detail":"expert expert1 ..."}""", null).then();
          })))
      .bindNow();

  static Mono<Void> json(HttpServerResponse res, int status, String body, String etag) {
    return PageTests.json(res, status, body, etag);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PageTests.stubbed(registry, MONGO_ADDRESS, "http://127.0.0.1:" + SERVICES.port(), "20s", "project-intake",
        "milestone-review", "integrity-check");
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    MONGO.shutdownNow();
  }


  @BeforeEach
  void clear() {
    SENT.clear();
  }

  static OidcLoginMutator user(String subject, String role) {
    return PageTests.login(subject, "王芳", role);
  }

  static OidcLoginMutator manager() {
    return user("program-manager", "PROGRAM_MANAGER");
  }

  WebTestClient.ResponseSpec post(String path, MultiValueMap<String, String> form) {
    return PageTests.post(web, manager(), path, form);
  }

  static MultiValueMap<String, String> challengeProgram(String closesAt, String budget) {
    return form("kind", "CHALLENGE", "name", "揭榜挂帅", "budget", budget, "cap", "3,000,000", "opensAt", "2026-12-01T09:00",
        "closesAt", closesAt, "idempotencyKey", "form-key-1");
  }

  @Test
  void aProgramManagerStartsAtTheProgramsAndAnApplicantMayNotOpenThem() {
    web.mutateWith(manager()).get().uri("/").exchange().expectStatus().is3xxRedirection()
        .expectHeader().location("/manager/programs");
    web.mutateWith(user("applicant", "APPLICANT")).get().uri("/manager/programs/pg-1").exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void creatingAProgramSendsTheAmountsInFenExactlyWithOneKeyPerForm() {
    post("/manager/programs", challengeProgram("2027-01-31T17:00", "¥50,000,000.01"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/programs/pg-1");
    Sent sent = SENT.get(0);
    assertThat(sent.body()).contains("\"budgetFen\":5000000001").contains("\"perProjectCapFen\":300000000")
        .contains("\"kind\":\"CHALLENGE\"").contains("\"opensAt\":\"2026-12-01T09:00\"");
    assertThat(sent.idempotencyKey()).isEqualTo("form-key-1");
  }

  @Test
  void editingADraftSendsTheVersionTheFormWasRenderedFromAndAChangedDraftIsExplained() {
    String html = web.mutateWith(manager()).get().uri("/manager/programs/pg-1/edit").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("name=\"etag\" value=\"&quot;3&quot;\"").contains("name=\"idempotencyKey\" value=\"");

    MultiValueMap<String, String> edited = challengeProgram("2027-01-31T17:00", "50,000,000");
    edited.add("etag", "\"3\"");
    post("/manager/programs/pg-1", edited).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/manager/programs/pg-1");
    assertThat(SENT.get(0).method()).isEqualTo("PUT");
    assertThat(SENT.get(0).ifMatch()).isEqualTo("\"3\"");
    assertThat(SENT.get(0).idempotencyKey()).isEqualTo("form-key-1");

    MultiValueMap<String, String> stale = challengeProgram("2027-01-31T17:00", "60,000,000");
    stale.add("etag", "\"2\"");
    String refused = post("/manager/programs/pg-1", stale).expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("他人已修改了它，您的修改未保存").contains("href=\"/manager/programs/pg-1/edit\"")
        .contains("value=\"60,000,000\"").contains("name=\"etag\" value=\"&quot;2&quot;\"");
  }

  /** 奖励类: the reward table is typed row by row; blank rows are left out, amounts go in fen, codes in upper case. */
  @Test
  void aRewardProgramsTableIsSentRowByRowInFen_andAnIncompleteRowIsMarkedWithoutAskingTheService() {
    String html = web.mutateWith(manager()).get().uri("/manager/programs/new?kind=REWARD").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("奖励标准表").contains("aria-label=\"第 5 行：奖励金额（元）\"")
        .doesNotContain("id=\"rewardCode-6\"").doesNotContain("id=\"expertReview\"");

    MultiValueMap<String, String> reward = form("kind", "REWARD", "name", "认定奖励", "budget", "5,000,000", "cap",
        "500,000", "opensAt", "2026-12-01T09:00", "closesAt", "2027-01-31T17:00", "idempotencyKey", "form-key-r");
    for (String[] row : new String[][] {{"high_tech", "国家高新技术企业认定", "200,000.01"}, {"", "", ""},
        {"GAZELLE", "瞪羚企业", "500000"}}) {
      reward.add("rewardCodes", row[0]);
      reward.add("rewardNames", row[1]);
      reward.add("rewardAmounts", row[2]);
    }
    post("/manager/programs", reward).expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(SENT.get(0).body()).contains("\"rewardTable\":{\"entries\":[{\"code\":\"HIGH_TECH\",\"name\":"
        + "\"国家高新技术企业认定\",\"amountFen\":20000001},{\"code\":\"GAZELLE\",\"name\":\"瞪羚企业\","
        + "\"amountFen\":50000000}]}").doesNotContain("expertReview");

    SENT.clear();
    reward.set("rewardAmounts", "二十万");
    String refused = post("/manager/programs", reward).expectStatus().isBadRequest().expectBody(String.class)
        .returnResult().getResponseBody();
    assertThat(SENT).isEmpty();
    assertThat(refused).contains("id=\"rewardTable-error\"").contains("每一行须填写代码、认定事项和以元为单位的奖励金额")
        .contains("value=\"国家高新技术企业认定\"");
  }

  @Test
  void anAmountThePortalCannotReadIsShownNextToItsFieldAndTheServiceIsNotAsked() {
    String html = post("/manager/programs", challengeProgram("2027-01-31T17:00", "12.345"))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).isEmpty();
    assertThat(html).contains("id=\"budget-error\"").contains("aria-describedby=\"budget-hint budget-error\"")
        .contains("aria-invalid=\"true\"").contains("value=\"12.345\"");
  }

  @Test
  void theServicesFieldErrorIsShownNextToTheFieldInTheUsersLanguage() {
    String html = post("/manager/programs", challengeProgram("2020-01-01T09:00", "50,000,000"))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("id=\"closesAt-error\"").contains("请填写晚于开始时间的截止时间。")
        .doesNotContain("must be after opensAt").doesNotContain("problems/validation");
    assertThat(html.indexOf("id=\"closesAt\"")).isLessThan(html.indexOf("id=\"closesAt-error\""));
  }

  @Test
  void theQueuePassesTheFiltersToTheServiceAndKeepsThemWhenPaging() {
    String html = web.mutateWith(manager()).get()
        .uri("/manager/programs/pg-1/proposals?status=UNDER_REVIEW&organisationCode=91120112MNH91HTMX6").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT.get(0).uri()).contains("programId=pg-1").contains("status=UNDER_REVIEW")
        .contains("organisationCode=91120112MNH91HTMX6").contains("limit=10");
    assertThat(html).contains("无重稀土永磁").contains("¥1,234,567.89")
        .contains("status=UNDER_REVIEW&amp;organisationCode=91120112MNH91HTMX6&amp;after=pr-1");
  }

  @Test
  void theQueueWithoutFiltersListsEveryStatus() {
    String html = web.mutateWith(manager()).get().uri("/manager/programs/pg-1/proposals").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT.get(0).uri()).contains("programId=pg-1").doesNotContain("status=").doesNotContain("organisationCode=");
    assertThat(html).contains("无重稀土永磁");
  }

  @Test
  void theAwardPageShowsTheIntegrityRecordAndTheRemainingBudgetBeforeTheDecision() {
    String html = web.mutateWith(manager()).get().uri("/manager/proposals/pr-1/award").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("该单位处于科研诚信限制期内").contains("重复申报").contains("高").contains("伪造审计报告")
        .contains("2029-12-31 00:00").contains("¥40,000,000.00").contains("name=\"etag\" value=\"&quot;7&quot;\"");
  }

  /** 立项评审: the ranking with scores, explanations, the award links in rank order and a recorded reason. */
  @Test
  void theRankingShowsScoresExplanationsAndTheReasonOfAnAwardOutOfRankOrder() {
    String html = web.mutateWith(manager()).get().uri("/manager/programs/pg-1/ranking").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("立项评审排名").contains("88.00")
        .as("how each score was reached, in Chinese from the service's figures")
        .contains("5 位专家（5 位及以上，去掉最高和最低）：去掉 95、40，计入 74、78、82，平均 78.00")
        .contains("3 位专家（少于 5 位，全部计入）：总分 86、88、90，平均 88.00")
        .contains("前两名与已立项课题重复").contains("立项（按排名）").contains("不按排名立项")
        .contains("href=\"/manager/proposals/pr-2/award\"").contains("尚在评审").contains("创新性 45");
    assertThat(html.indexOf("余热吸附式制冷")).isLessThan(html.indexOf("无重稀土永磁"));
    web.mutateWith(user("auditor-qian", "AUDITOR")).get().uri("/manager/programs/pg-1/ranking").exchange()
        .expectStatus().isOk().expectBody(String.class).value(a -> assertThat(a).contains("前两名与已立项课题重复")
            .doesNotContain("href=\"/manager/proposals/pr-2/award\""));
  }

  @Test
  void anAwardOutOfRankOrderCarriesTheWrittenReasonAndARefusalAsksForIt() {
    String page = web.mutateWith(manager()).get().uri("/manager/proposals/pr-1/award").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(page).contains("name=\"rankReason\"").contains("不按排名立项的理由");
    post("/manager/proposals/pr-1/award", form("etag", "\"7\"", "amount", "2.00", "idempotencyKey", "k-r1"))
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(String.class)
        .value(html -> assertThat(html).contains("不按排名立项须书面说明理由").contains("id=\"rankReason-error\"")
            .contains("aria-invalid=\"true\""));
    post("/manager/proposals/pr-1/award", form("etag", "\"7\"", "amount", "1,000,000.50", "idempotencyKey", "k-r2",
        "rankReason", " 第一名与已立项课题重复 "))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(SENT).extracting(Sent::body).contains(
        "{\"amountFen\":100000050,\"outOfRankOrderReason\":\"第一名与已立项课题重复\"}");
  }

  @Test
  void anAwardIsSentInFenWithIfMatchAndAChangedProposalIsExplained() {
    post("/manager/proposals/pr-1/award", form("etag", "\"7\"", "amount", "1,000,000.50", "idempotencyKey", "k-2"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/proposals/pr-1");
    assertThat(SENT.get(0).body()).isEqualTo("{\"amountFen\":100000050}");
    assertThat(SENT.get(0).ifMatch()).isEqualTo("\"7\"");

    String html = post("/manager/proposals/pr-1/award", form("etag", "\"6\"", "amount", "1.00", "idempotencyKey", "k-3"))
        .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED).expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("他人已作了修改").contains("name=\"etag\" value=\"&quot;7&quot;\"");
  }

  @Test
  void theReportShowsWhoDeclaredAndScoredAndTheDecisionsExplanation() {
    web.mutateWith(manager()).get().uri("/manager/projects/prj-1/reports/r-1").exchange()
        .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
            .contains("<h1>节点报告 小批量样品制备（第 1 次）</h1>").doesNotContain("prj-1-m1")
            .contains("<span>陈杰</span>").contains("(expert1)").contains("已声明无利益冲突").contains("84.67").contains("80, 84, 90").contains("60, 95")
            .contains("5 位专家（5 位及以上，去掉最高和最低）：去掉 60、95，计入 80、84、90，平均 84.67")
            .doesNotContain("drop the highest").contains("通过"));
  }

  @Test
  void expertsArePickedFromTheServicesSearchAndTheirChoiceSurvivesPaging() {
    String html = web.mutateWith(manager()).get()
        .uri("/manager/projects/prj-1/reports/r-1/panel?q=陈&chosen=expert1").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT.get(0).uri()).contains("q=").contains("limit=10");
    assertThat(html).contains("已选专家（1 位）").contains("刘洋")
        .contains("chosen=expert1&amp;after=expert2").contains("name=\"chosen\" value=\"expert2\"");
  }

  /** 立项评审: the same picking as for a report, then the formed panel's progress; no review yet is said so. */
  @Test
  void aProposalsReviewPanelIsPickedLikeAReportsAndShowsWhoDeclaredOnceFormed() {
    REVIEW_PANEL.set("");
    String html = web.mutateWith(manager()).get().uri("/manager/proposals/pr-1/panel?chosen=expert1").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("组建立项评审专家组").contains("已选专家（1 位）").contains("刘洋")
        .contains("action=\"/manager/proposals/pr-1/panel\"").contains("href=\"/manager/proposals/pr-1\"");

    String refused = post("/manager/proposals/pr-1/panel", form("chosen", "expert1", "chosen", "expert2"))
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(refused).contains("name=\"chosen\" value=\"expert2\"");
    post("/manager/proposals/pr-1/panel", form("chosen", "expert1", "chosen", "expert2", "chosen", "expert3"))
        .expectStatus().is3xxRedirection().expectHeader().location("/manager/proposals/pr-1/panel");
    assertThat(SENT.get(SENT.size() - 1).body()).isEqualTo("{\"expertIds\":[\"expert1\",\"expert2\",\"expert3\"]}");

    String formed = web.mutateWith(manager()).get().uri("/manager/proposals/pr-1/panel").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(formed).contains("评审中").contains("expert3").contains("尚未").doesNotContain("组建立项评审专家组");
    String none = web.mutateWith(manager()).get().uri("/manager/proposals/pr-none/panel").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(none).contains("该申报书尚未送专家评审");
    REVIEW_PANEL.set("");
  }

  @Test
  void aPanelTheServiceRefusesIsExplainedAndTheChoiceKept() {
    String html = post("/manager/projects/prj-1/reports/r-1/panel",
        form("chosen", "expert1", "chosen", "expert2", "chosen", "expert1", "idempotencyKey", "k-4"))
        .expectStatus().isEqualTo(422).expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(SENT.stream().filter(x -> x.method().equals("POST")).map(Sent::body).toList())
        .containsExactly("{\"expertIds\":[\"expert1\",\"expert2\"]}");
    assertThat(html).contains("所选专家与本项目存在利益冲突").contains("已选专家（2 位）");
  }

  @Test
  void openingAProgramSendsTheFormsKeyAndARefusalIsShownOnTheProgramPage() {
    String html = post("/manager/programs/pg-1/open", form("idempotencyKey", "k-open"))
        .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT.get(0).idempotencyKey()).isEqualTo("k-open");
    assertThat(html).contains("当前状态下不能进行此操作").contains("新材料揭榜挂帅");
  }

  @Test
  void aProgramManagerSeesTheManagerNavigationNotTheApplicants() {
    web.mutateWith(manager()).get().uri("/manager/programs/pg-1").exchange()
        .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
            .contains("href=\"/manager/programs/new\"").doesNotContain("href=\"/applicant/proposals\"")
            .contains("发布并开始受理").contains("编辑草稿").doesNotContain("关闭计划"));
  }
  /** 回避: the manager sees the free seat, appoints one of the experts offered, and is told why one is refused. */
  @Test
  void aSeatLeftByARecusedExpertIsFilledFromTheReviewPanel() {
    web.mutateWith(manager()).get().uri("/manager/proposals/pr-5/panel").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("有 1 个席位空缺")
            .contains("href=\"/manager/proposals/pr-5/panel/seat\""));
    String page = web.mutateWith(manager()).get().uri("/manager/proposals/pr-5/panel/seat").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(page).contains("补选专家").contains("高熵合金").contains("曾与申报单位合作")
        .contains("name=\"expertId\" value=\"expert1\"").doesNotContain("name=\"expertId\" value=\"expert2\"")
        .contains("已声明回避").contains("action=\"/manager/proposals/pr-5/panel/seat\"")
        .contains("href=\"/manager/proposals/pr-5/panel/seat?after=expert2\"");
    web.mutateWith(manager()).get().uri("/manager/proposals/pr-5/panel/seat?q=刘 洋").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("value=\"刘 洋\"")
            .contains("href=\"/manager/proposals/pr-5/panel/seat?q=%E5%88%98%20%E6%B4%8B&amp;after=expert2\""));

    post("/manager/proposals/pr-5/panel/seat", form("expertId", "expert1"))
        .expectStatus().is3xxRedirection().expectHeader().location("/manager/proposals/pr-5/panel");
    assertThat(SENT.get(SENT.size() - 1)).satisfies(sent -> {
      assertThat(sent.uri()).isEqualTo("/proposal-reviews/pr-5/panel/experts");
      assertThat(sent.body()).isEqualTo("{\"expertId\":\"expert1\"}");
    });

    String refused = post("/manager/proposals/pr-5/panel/seat", form("expertId", "expert3"))
        .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("该专家已在评审组中").contains("name=\"expertId\" value=\"expert1\"");

    int calls = SENT.size();
    String empty = post("/manager/proposals/pr-5/panel/seat", form("expertId", " "))
        .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    assertThat(empty).contains("请选择要补选的专家");
    assertThat(SENT.stream().skip(calls).filter(x -> x.method().equals("POST"))).isEmpty();
  }

  @Test
  void aSeatOnAMilestonePanelIsFilledTheSameWayInEnglishAndOnlyByAProgramManager() {
    web.mutateWith(manager()).get().uri("/manager/projects/prj-1/reports/r-2").cookie("FUNDFLOW_LANG", "en")
        .exchange().expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
            .contains("1 seat is free").contains("href=\"/manager/projects/prj-1/reports/r-2/panel/seat\""));
    String refused = web.mutateWith(manager()).mutateWith(SecurityMockServerConfigurers.csrf()).post().uri("/manager/projects/prj-1/reports/r-2/panel/seat")
        .cookie("FUNDFLOW_LANG", "en").body(BodyInserters.fromFormData(form("expertId", "expert4")))
        .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
    assertThat(refused).contains("has a conflict of interest with this project").contains("近三年合作");
    assertThat(SENT.stream().filter(x -> x.method().equals("POST")).map(Sent::body))
        .containsExactly("{\"expertId\":\"expert4\"}");
    web.mutateWith(user("expert1", "EXPERT")).get().uri("/manager/projects/prj-1/reports/r-2/panel/seat").exchange()
        .expectStatus().isForbidden();
    // a decided report has no free seat: no link to appoint
    web.mutateWith(manager()).get().uri("/manager/projects/prj-1/reports/r-1").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).doesNotContain("/panel/seat"));
  }
}
