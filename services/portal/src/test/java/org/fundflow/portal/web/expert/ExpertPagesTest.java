package org.fundflow.portal.web.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundflow.portal.web.PageTests.form;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fundflow.portal.web.PageTests;
import org.fundflow.portal.web.StubbedPagesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The expert's pages with the real security chain against a stub of milestone-review: the declaration comes before
 * anything of the report is asked for; evidence is streamed through with its headers; the rubric is sent as the
 * service takes it and its refusals are shown next to the field; after the decision the panel's scores and the
 * explanation are shown in the reader's language from the service's figures.
 */
@SpringBootTest
class ExpertPagesTest extends StubbedPagesTest {

  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
  static final List<String> SENT = new CopyOnWriteArrayList<>();

  static final String NEW = """
      {"projectId":"prj-1","projectTitle":"无重稀土永磁","reportId":"r-new","milestoneId":"prj-1-m1",
       "milestoneTitle":"小批量样品制备","attempt":1,"reportStatus":"UNDER_REVIEW","declaredNoConflict":false,
       "scored":false,"recused":false}""";
  static final String SCORED = """
      {"projectId":"prj-1","projectTitle":"无重稀土永磁","reportId":"r-1","milestoneId":"prj-1-m1",
       "milestoneTitle":"小批量样品制备","attempt":1,"reportStatus":"UNDER_REVIEW","declaredNoConflict":true,
       "scored":true,"recused":false}""";
  static final String DONE = """
      {"projectId":"prj-1","projectTitle":"无重稀土永磁","reportId":"r-done","milestoneId":"prj-1-m2",
       "milestoneTitle":"Final acceptance","attempt":1,"reportStatus":"DECIDED","declaredNoConflict":true,
       "scored":true,"recused":false}""";
  static final String LEFT = """
      {"projectId":"prj-1","projectTitle":"无重稀土永磁","reportId":"r-left","milestoneId":"prj-1-m1",
       "milestoneTitle":"小批量样品制备","attempt":2,"reportStatus":"UNDER_REVIEW","declaredNoConflict":false,
       "scored":false,"recused":true,"recusedAt":"2026-12-06T04:30:00Z"}""";
  /** The first page of the inbox and, after its cursor, the second. */
  static final String PAGE_1 = "{\"items\":[" + NEW + "," + SCORED + "],\"nextCursor\":\"cur-2\"}";
  static final String PAGE_2 = "{\"items\":[" + DONE + "],\"nextCursor\":null}";
  /** The correlation ids the stub saw, by call. */
  static final List<String> CORRELATION = new CopyOnWriteArrayList<>();

  static final String REPORT = """
      {"reportId":"r-1","projectId":"prj-1","milestoneId":"prj-1-m1","attempt":1,"status":"UNDER_REVIEW",
       "deliverablesMet":["工艺规程"],"evidence":[],"spendingToDateFen":30000000,"submittedAt":"2026-12-06T02:00:00Z",
       "panelSize":3,
       "myEvaluation":{"deliverables":35,"technicalQuality":25,"budgetExecution":18,"management":8,"total":86,
         "recommendation":"PASSED","comments":"[deliverables]\\n样品齐全\\n[management]\\n管理规范","submittedAt":"2026-12-06T03:00:00Z"},
       "evidenceFiles":[{"fileId":"f-1","name":"工艺规程.pdf","mediaType":"application/pdf","sizeBytes":2048,
         "sha256":"ab","uploadedAt":"2026-12-06T01:00:00Z","href":"/projects/prj-1/reports/r-1/evidence/f-1"}]}""";
  static final String DECIDED = """
      {"reportId":"r-done","projectId":"prj-1","milestoneId":"prj-1-m2","attempt":1,"status":"DECIDED",
       "deliverablesMet":["样机"],"spendingToDateFen":100,"submittedAt":"2026-12-06T02:00:00Z","panelSize":3,
       "panel":[{"expertId":"expert1","declaredNoConflict":true,"scored":true,"evaluation":{"deliverables":30,
         "technicalQuality":20,"budgetExecution":15,"management":5,"total":70,"recommendation":"CONDITIONAL"}},
                {"expertId":"expert2","declaredNoConflict":true,"scored":true,"evaluation":{"deliverables":40,
         "technicalQuality":30,"budgetExecution":20,"management":9,"total":99,"recommendation":"PASSED"}}],
       "myEvaluation":{"deliverables":30,"technicalQuality":20,"budgetExecution":15,"management":5,"total":70,
         "recommendation":"CONDITIONAL"},
       "decision":{"outcome":"PASSED","meanScore":84.67,"totalsUsed":[80,84,90],"totalsDropped":[70,99],
         "rule":"drop the highest and the lowest total, mean of the rest >= 80: PASSED","decidedAt":"2026-12-06T03:00:00Z"}}""";

  // 立项评审: proposal reviews before award
  static final String REVIEW_ASSIGNMENTS = """
      [{"proposalId":"prp-new","programId":"pg-1","title":"海水淡化抗污染膜","status":"IN_REVIEW",
        "declaredNoConflict":false,"scored":false},
       {"proposalId":"prp-1","programId":"pg-1","title":"余热吸附式制冷","status":"IN_REVIEW",
        "declaredNoConflict":true,"scored":true},
       {"proposalId":"prp-done","programId":"pg-1","title":"余热吸附式制冷（已评）","status":"REVIEWED",
        "declaredNoConflict":true,"scored":true}]""";
  static final String PROPOSAL_REVIEW = """
      {"proposalId":"prp-1","programId":"pg-1","programKind":"GENERAL","organisationCode":"5231011587WL1EFJ6B",
       "organisationName":"津南节能研究院","title":"余热吸附式制冷","abstractText":"利用工业余热驱动吸附式制冷",
       "requestedAmountFen":150000000,"rubric":[{"name":"创新性","weight":45},{"name":"可行性","weight":35},
       {"name":"团队","weight":20}],"status":"IN_REVIEW","panelSize":3,
       "myEvaluation":{"criterionScores":[40,30,15],"total":85,"comments":"方案可行","submittedAt":"2026-12-06T03:00:00Z"},
       "screenedAt":"2026-12-06T01:00:00Z"}""";

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/assignments", (req, res) -> {
            SENT.add("GET " + req.uri());
            CORRELATION.add(String.valueOf(req.requestHeaders().get("X-Correlation-Id")));
            return json(res, 200, req.uri().contains("after=cur-2") ? PAGE_2 : PAGE_1);
          })
          .get("/projects/prj-1/reports/r-new/assignment", (req, res) -> json(res, 200, NEW))
          .get("/projects/prj-1/reports/r-1/assignment", (req, res) -> json(res, 200, SCORED))
          .get("/projects/prj-1/reports/r-done/assignment", (req, res) -> json(res, 200, DONE))
          .get("/projects/prj-1/reports/r-left/assignment", (req, res) -> json(res, 200, LEFT))
          .get("/projects/prj-1/reports/r-other/assignment", (req, res) -> json(res, 404,
              "{\"type\":\"https://fundflow.org/problems/not-found\",\"status\":404}"))
          .get("/review-assignments", (req, res) -> json(res, 200, REVIEW_ASSIGNMENTS))
          .get("/proposal-reviews/prp-1", (req, res) -> {
            SENT.add("GET " + req.uri());
            return json(res, 200, PROPOSAL_REVIEW);
          })
          .get("/proposal-reviews/prp-done", (req, res) -> json(res, 200, PROPOSAL_REVIEW
              .replace("\"IN_REVIEW\"", "\"REVIEWED\"").replace("prp-1", "prp-done")
              .replace("\"screenedAt\"", """
                  "result":{"score":"88.00","totalsUsed":[85,88,91],"totalsDropped":[],
                   "explanation":"3 experts (< 5): all totals used; mean of [85, 88, 91] = 264/3 = 88.00",
                   "reviewedAt":"2026-12-06T05:00:00Z"},
                  "panel":[{"expertId":"expert1","declaredNoConflict":true,"scored":true,
                            "evaluation":{"criterionScores":[40,30,15],"total":85}}],
                  "screenedAt\"""")))
          .get("/proposal-reviews/prp-new", (req, res) -> {
            SENT.add("GET " + req.uri());
            return json(res, 403, "{\"type\":\"https://fundflow.org/problems/declaration-required\",\"status\":403}");
          })
          .post("/proposal-reviews/prp-new/declaration", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add("POST review declaration " + body);
                return json(res, 200, PROPOSAL_REVIEW).then();
              }))
          .put("/proposal-reviews/prp-1/evaluation", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add("PUT review evaluation " + body);
                if (body.contains("[46,")) {
                  return json(res, 422, "{\"type\":\"https://fundflow.org/problems/score-out-of-range\",\"status\":422}").then();
                }
                return json(res, 200, PROPOSAL_REVIEW).then();
              }))
          .get("/projects/prj-1/reports/r-1", (req, res) -> {
            SENT.add("GET " + req.uri());
            return json(res, 200, REPORT);
          })
          .get("/projects/prj-1/reports/r-done", (req, res) -> json(res, 200, DECIDED))
          .get("/projects/prj-1/reports/r-new", (req, res) -> {
            SENT.add("GET " + req.uri());
            return json(res, 403, "{\"type\":\"https://fundflow.org/problems/declaration-required\",\"status\":403}");
          })
          .get("/projects/prj-1/reports/r-1/evidence/f-1", (req, res) -> res.status(200)
              .header("Content-Type", "application/pdf")
              .header("Content-Disposition", "attachment; filename=\"evidence.pdf\"; filename*=UTF-8''%E5%B7%A5.pdf")
              .header("ETag", "\"ab\"")
              .sendByteArray(Mono.just("%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII))).then())
          .post("/projects/prj-1/reports/r-new/declaration", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add("POST declaration " + body);
                return body.contains("\"conflict\":true") ? res.status(204).send().then()
                    : json(res, 200, REPORT).then();
              }))
          .put("/projects/prj-1/reports/r-1/evaluation", (req, res) -> req.receive().aggregate().asString()
              .flatMap(body -> {
                SENT.add("PUT evaluation " + body);
                if (body.contains("\"management\":10") ) {
                  return json(res, 409, "{\"type\":\"https://fundflow.org/problems/panel-closed\",\"status\":409}").then();
                }
                if (body.contains("\"technicalQuality\":31")) {
                  return json(res, 400, """
                      {"type":"https://fundflow.org/problems/validation","status":400,
                       "errors":[{"field":"technicalQuality","message":"must be less than or equal to 30"}]}""").then();
                }
                return json(res, 200, REPORT).then();
              })))
      .bindNow();

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return PageTests.json(res, status, body);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PageTests.stubbed(registry, MONGO_ADDRESS, "http://127.0.0.1:" + SERVICES.port(), "20s", "milestone-review");
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    MONGO.shutdownNow();
  }


  @BeforeEach
  void clear() {
    SENT.clear();
    CORRELATION.clear();
  }

  static OidcLoginMutator user(String subject, String role) {
    return PageTests.login(subject, "陈杰", role);
  }

  static OidcLoginMutator expert() {
    return user("expert1", "EXPERT");
  }

  WebTestClient.ResponseSpec post(String path, MultiValueMap<String, String> form) {
    return PageTests.post(web, expert(), path, form);
  }

  static MultiValueMap<String, String> scores(String d, String q, String b, String m) {
    return form("deliverables", d, "technicalQuality", q, "budgetExecution", b, "management", m,
        "recommendation", "PASSED", "deliverablesComment", "样品齐全", "managementComment", "管理规范");
  }

  @Test
  void anExpertStartsAtItsAssignmentsWithItsOwnNavigationAndOthersMayNotOpenThem() {
    web.mutateWith(expert()).get().uri("/").exchange().expectStatus().is3xxRedirection()
        .expectHeader().location("/expert");
    web.mutateWith(expert()).get().uri("/expert").exchange().expectStatus().isOk().expectBody(String.class)
        .value(html -> assertThat(html).contains("我的评审任务").contains("回避声明").contains("查看或修改评分")
            .contains("href=\"/expert\"").doesNotContain("href=\"/manager/programs\"")
            .doesNotContain("href=\"/applicant/proposals\""));
    web.mutateWith(user("applicant", "APPLICANT")).get().uri("/expert").exchange().expectStatus().isForbidden();
    web.mutateWith(user("program-manager", "PROGRAM_MANAGER")).get().uri("/expert").exchange()
        .expectStatus().isForbidden();
  }

  /** 立项评审: the proposal reviews in the inbox, declaration first, then the program's own rubric. */
  @Test
  void aProposalReviewIsDeclaredFirstThenScoredOnTheProgramsRubric() {
    web.mutateWith(expert()).get().uri("/expert").exchange().expectStatus().isOk().expectBody(String.class)
        .value(html -> assertThat(html).contains("立项评审待评申报书（2）").contains("海水淡化抗污染膜")
            .contains("href=\"/expert/proposal-reviews/prp-new\""));
    SENT.clear(); // the inbox asked for its page of report assignments
    web.mutateWith(expert()).get().uri("/expert/proposal-reviews/prp-new").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("您与该申报书是否存在利益冲突")
            .contains("name=\"conflict\""));
    assertThat(SENT).isEmpty(); // nothing of the proposal before the declaration
    post("/expert/proposal-reviews/prp-new/declaration", form("conflict", "false"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/expert/proposal-reviews/prp-new");
    assertThat(SENT).containsExactly("POST review declaration {\"conflict\":false}");

    web.mutateWith(expert()).get().uri("/expert/proposal-reviews/prp-1").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("利用工业余热驱动吸附式制冷")
            .contains("创新性").contains("max=\"45\"").contains("value=\"40\"").contains(">方案可行</textarea>")
            .contains("/js/rubric.js"));
    SENT.clear();
    post("/expert/proposal-reviews/prp-1/evaluation", form("score", "41", "score", "30", "score", "15", "comments", " 可行 "))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/expert/proposal-reviews/prp-1?saved=1");
    assertThat(SENT).containsExactly("PUT review evaluation {\"criterionScores\":[41,30,15],\"comments\":\"可行\"}");
    post("/expert/proposal-reviews/prp-1/evaluation", form("score", "46", "score", "30", "score", "15"))
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    post("/expert/proposal-reviews/prp-1/evaluation", form("score", "x", "score", "30", "score", "15"))
        .expectStatus().isBadRequest().expectBody(String.class)
        .value(html -> assertThat(html).contains("id=\"score-0-error\"").contains("请填写该项分值范围内的整数"));
  }

  @Test
  void theInboxPagesThroughTheServiceAndNamesTheMilestoneNotItsId() {
    String first = web.mutateWith(expert()).get().uri("/expert").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).containsExactly("GET /assignments?limit=20");
    assertThat(first).contains("小批量样品制备（第 1 次提交）").doesNotContain("prj-1-m1")
        .contains("href=\"/expert?after=cur-2\"").doesNotContain("查看评审结论");
    String second = web.mutateWith(expert()).get().uri("/expert?after=cur-2").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT.get(1)).isEqualTo("GET /assignments?after=cur-2&limit=20");
    assertThat(second).contains("结题验收（第 1 次提交）").contains("查看评审结论").contains("href=\"/expert\"")
        .doesNotContain("href=\"/expert?after=");
  }

  @Test
  void everyServiceCallCarriesTheCorrelationIdOfTheUsersRequest() {
    web.mutateWith(expert()).get().uri("/expert").header("X-Correlation-Id", "corr-e2e-42").exchange()
        .expectStatus().isOk();
    assertThat(CORRELATION).containsExactly("corr-e2e-42");
    CORRELATION.clear();
    web.mutateWith(expert()).get().uri("/expert").exchange().expectStatus().isOk();
    assertThat(CORRELATION).singleElement().asString().startsWith("req-"); // one made up for a request without one
  }

  @Test
  void anExpertWhoLeftThePanelFollowingAnOldLinkIsToldSoAndSeesNothingOfTheReport() {
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-left").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("<h1>您已声明回避</h1>")
            .contains("2026-12-06 12:30").contains("小批量样品制备（第 2 次提交）").doesNotContain("name=\"conflict\"")
            .doesNotContain("佐证材料"));
    assertThat(SENT).isEmpty(); // the report was not asked for
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-other").exchange().expectStatus().isNotFound();
  }

  @Test
  void theDeclarationComesBeforeAnythingOfTheReport() {
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-new").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("您与本项目是否存在利益冲突")
            .contains("无重稀土永磁</span> · <span>小批量样品制备（第 1 次提交）</span>")
            .contains("name=\"conflict\"").doesNotContain("工艺规程").doesNotContain("佐证材料"));
    assertThat(SENT).isEmpty(); // the report was not even asked for
  }

  @Test
  void declaringNoConflictOpensTheReportAndAConflictLeavesThePanel() {
    post("/expert/projects/prj-1/reports/r-new/declaration", form("conflict", "false"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/expert/projects/prj-1/reports/r-new");
    assertThat(SENT).containsExactly("POST declaration {\"conflict\":false}");
    SENT.clear();
    post("/expert/projects/prj-1/reports/r-new/declaration", form("conflict", "true", "reason", " 同一单位 "))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/expert?left=r-new");
    assertThat(SENT).containsExactly("POST declaration {\"conflict\":true,\"reason\":\"同一单位\"}");
    web.mutateWith(expert()).get().uri("/expert?left=r-new").exchange().expectBody(String.class)
        .value(html -> assertThat(html).contains("您已声明回避并退出该评审组"));
  }

  @Test
  void noChoiceIsExplainedNextToTheQuestionAndTheServiceIsNotAsked() {
    post("/expert/projects/prj-1/reports/r-new/declaration", form("reason", ""))
        .expectStatus().isBadRequest().expectBody(String.class)
        .value(html -> assertThat(html).contains("id=\"conflict-error\"").contains("请选择是否存在利益冲突"));
    assertThat(SENT).isEmpty();
  }

  @Test
  void theReportShowsItsEvidenceAndTheExpertsOwnScoreToCorrectWithItsCommentsPerCriterion() {
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-1").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("工艺规程.pdf")
            .contains("href=\"/expert/projects/prj-1/reports/r-1/evidence/f-1\"").contains("¥300,000.00")
            .contains("修改评分").contains("name=\"deliverables\"").contains("value=\"35\"").contains("max=\"40\"")
            .contains(">样品齐全</textarea>").contains(">管理规范</textarea>").contains("data-score-total")
            .contains(">86</output>").contains("/js/rubric.js").doesNotContain("expert2"));
  }

  @Test
  void evidenceIsStreamedThroughWithItsTypeAndFileName() {
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-1/evidence/f-1").exchange()
        .expectStatus().isOk().expectHeader().contentType("application/pdf")
        .expectHeader().valueEquals("Content-Disposition",
            "attachment; filename=\"evidence.pdf\"; filename*=UTF-8''%E5%B7%A5.pdf")
        .expectHeader().valueEquals("ETag", "\"ab\"")
        .expectBody(String.class).isEqualTo("%PDF-1.7 test");
  }

  @Test
  void aScoreIsSentAsTheServiceTakesItWithTheCommentsPerCriterion() {
    post("/expert/projects/prj-1/reports/r-1/evaluation", scores("36", "25", "18", "8"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/expert/projects/prj-1/reports/r-1?saved=1");
    assertThat(SENT).containsExactly("PUT evaluation {\"deliverables\":36,\"technicalQuality\":25,\"budgetExecution\":18,"
        + "\"management\":8,\"recommendation\":\"PASSED\",\"comments\":\"[deliverables]\\n样品齐全\\n[management]\\n管理规范\"}");
  }

  @Test
  void theServicesRefusalOfAScoreIsShownNextToItsFieldAndWhatWasTypedIsKept() {
    post("/expert/projects/prj-1/reports/r-1/evaluation", scores("36", "31", "18", "8"))
        .expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
            .contains("id=\"technicalQuality-error\"").contains("请填写 0 至 30 之间的整数分值")
            .contains("value=\"31\"").doesNotContain("must be less than"));
    post("/expert/projects/prj-1/reports/r-1/evaluation", scores("36", "25", "18", "10"))
        .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody(String.class)
        .value(html -> assertThat(html).contains("该报告的评审组已结束评审"));
  }

  @Test
  void aScoreThePortalCannotReadIsExplainedAndTheServiceIsNotAsked() {
    post("/expert/projects/prj-1/reports/r-1/evaluation", scores("三十", "25", "18", "8"))
        .expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
            .contains("id=\"deliverables-error\"").contains("aria-invalid=\"true\""));
    assertThat(SENT).noneMatch(call -> call.startsWith("PUT")); // the report is read again for the page, not scored
  }

  @Test
  void aReviewedProposalShowsHowItsScoreWasReachedInTheReadersLanguage() {
    web.mutateWith(expert()).get().uri("/expert/proposal-reviews/prp-done").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html)
            .contains("3 位专家（少于 5 位，全部计入）：总分 85、88、91，平均 88.00").doesNotContain("all totals used"));
    web.mutateWith(expert()).get().uri("/expert/proposal-reviews/prp-done").cookie("FUNDFLOW_LANG", "en").exchange()
        .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
            .contains("3 experts (fewer than 5, all used): totals 85, 88, 91, mean 88.00"));
  }

  @Test
  void afterTheDecisionTheExplanationAndThePanelsScoresAreShownAndNoFormIsOffered() {
    web.mutateWith(expert()).get().uri("/expert/projects/prj-1/reports/r-done").exchange().expectStatus().isOk()
        .expectBody(String.class).value(html -> assertThat(html).contains("评审结论及依据").contains("84.67")
            .contains("80, 84, 90").contains("70, 99").contains("5 位专家（5 位及以上，去掉最高和最低）：去掉 70、99，计入 80、84、90，平均 84.67")
            .doesNotContain("drop the highest").contains("expert2")
            .contains(">99<").contains("您的评分").doesNotContain("data-rubric"));
  }
}
