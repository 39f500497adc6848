package org.fundflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
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
 * The applicant's proposal editor, submission, timeline and project pages against stubs of project-intake,
 * milestone-review and post-subsidy (local HTTP servers that record what the portal sent).
 */
@SpringBootTest
class ApplicantEditorTest {

  static final String ORG = PortalPagesTest.ORG;
  static final String PI_ID = "11010819841203824X";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
  static final List<String> SENT = new CopyOnWriteArrayList<>();
  static final List<String> KEYS = new CopyOnWriteArrayList<>();

  static final String PROGRAM = """
      {"id":"pg-1","name":"新材料专项","kind":"GENERAL","status":"OPEN","budgetFen":5000000000,"perProjectCapFen":300000000,
       "awardedFen":0,"remainingToAwardFen":5000000000,
       "callWindow":{"opensAt":"2026-01-01T01:00:00Z","closesAt":"2099-01-01T01:00:00Z"}}""";

  static final DisposableServer INTAKE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/programs/pg-1", (req, res) -> json(res, 200, PROGRAM))
          .post("/proposals", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            SENT.add(body);
            if (body.contains("BAD-PLAN")) {
              return json(res, 422, problem("invalid-milestone-plan", 422, ""));
            }
            if (body.contains("BAD-FIELD")) {
              return json(res, 400, problem("validation", 400,
                  ",\"errors\":[{\"field\":\"budgetLines[0].amountFen\",\"message\":\"must be greater than 0\"},"
                      + "{\"field\":\"principalInvestigator.nationalId\",\"message\":\"not a valid national ID\"}]"));
            }
            return json(res, 201, draft("pr-new", "DRAFT", ""));
          }))
          .get("/proposals/pr-new", (req, res) -> json(res, 200, draft("pr-new", "DRAFT", "")))
          .get("/proposals/{id}/files", (req, res) -> json(res, 200,
              "[{\"fileId\":\"f-1\",\"name\":\"可行性研究报告.pdf\",\"mediaType\":\"application/pdf\",\"sizeBytes\":2048,"
                  + "\"uploadedAt\":\"2026-12-06T03:00:00Z\"}]"))
          .post("/proposals/{id}/submit", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
            KEYS.add(req.requestHeaders().get("Idempotency-Key") + " " + body);
            if (req.param("id").equals("pr-held")) {
              return json(res, 422, problem("integrity-hold", 422,
                  ",\"holdId\":\"h-1\",\"subjectType\":\"ORGANISATION\",\"holdEndDate\":\"2029-12-31\""));
            }
            return json(res, 200, draft(req.param("id"), "SUBMITTED", ",\"submittedAt\":\"2026-12-06T04:00:00Z\""));
          }))
          .get("/proposals/pr-held", (req, res) -> json(res, 200, draft("pr-held", "DRAFT", "")))
          .get("/proposals/pr-awarded", (req, res) -> json(res, 200, draft("pr-awarded", "AWARDED",
              ",\"submittedAt\":\"2026-12-06T04:00:00Z\",\"decidedAt\":\"2026-12-07T02:30:00Z\",\"awardedAmountFen\":100000000,"
                  + "\"projectId\":\"prj-1\"")))
          .get("/proposals/pr-rejected", (req, res) -> json(res, 200, draft("pr-rejected", "REJECTED",
              ",\"submittedAt\":\"2026-12-06T04:00:00Z\",\"decidedAt\":\"2026-12-07T02:30:00Z\","
                  + "\"rejectionReason\":\"技术路线不够成熟\""))))
      .bindNow();

  static final DisposableServer MILESTONE = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r.get("/projects/{id}", (req, res) -> json(res, 200, """
          {"projectId":"%s","proposalId":"pr-awarded","programKind":"GENERAL","title":"晶界扩散永磁材料",
           "awardedAmountFen":100000000,"status":"ACTIVE","onHold":%s,"nextDueMilestoneId":"m-1",
           "milestones":[{"milestoneId":"m-1","sequence":1,"title":"小批量样品","deliverables":["工艺规程"],
             "dueDate":"2027-06-30","tranchePercent":40,"status":"OPEN","failedReviews":0},
            {"milestoneId":"m-2","sequence":2,"title":"中试线","deliverables":["验收报告"],
             "dueDate":"2027-12-31","tranchePercent":60,"status":"OPEN","failedReviews":0}],
           "reports":[],"awardedAt":"2026-12-07T02:30:00Z"}""".formatted(req.param("id"),
          req.param("id").equals("prj-held")))))
      .bindNow();

  static final DisposableServer SUBSIDY = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r.get("/disbursements", (req, res) -> req.uri().contains("projectId=prj-1")
          ? json(res, 200, """
              {"items":[{"id":"adv-prj-1","trigger":{"kind":"ADVANCE","reference":"prj-1"},"projectId":"prj-1",
                "amountFen":30000001,"status":"CREATED","createdAt":"2026-12-07T02:31:00Z","version":1}],
               "nextAfter":null,"count":1,"totalFen":30000001,"byStatus":{}}""")
          : res.status(503).send()))
      .bindNow();

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return res.status(status).header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
        .sendString(Mono.just(body)).then();
  }

  static String problem(String slug, int status, String more) {
    return "{\"type\":\"https://fundflow.org/problems/" + slug + "\",\"title\":\"t\",\"status\":" + status
        + ",\"detail\":\"English detail never shown\"" + more + "}";
  }

  static String draft(String id, String status, String more) {
    return """
        {"id":"%s","programId":"pg-1","programKind":"GENERAL","organisationCode":"%s","organisationName":"津南新材料",
         "status":"%s","title":"晶界扩散永磁材料","abstract":"摘要","requestedAmountFen":123456789,
         "budgetLines":[{"category":"设备费","amountFen":123456789}],
         "principalInvestigator":{"maskedId":"1101**********824X","name":"王海燕","organisationCode":"%s",
           "role":"PRINCIPAL_INVESTIGATOR"},
         "team":[],"projectStartDate":"2027-01-01","projectEndDate":"2028-12-31",
         "milestones":[{"sequence":1,"title":"样品","deliverables":["工艺规程"],"dueDate":"2027-06-30","tranchePercent":100}],
         "createdAt":"2026-12-06T01:00:00Z"%s}""".formatted(id, ORG, status, ORG, more);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.services.project-intake.url", () -> "http://127.0.0.1:" + INTAKE.port());
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:" + MILESTONE.port());
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:" + SUBSIDY.port());
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
    // the stubs answer at once; a loaded build machine must not turn a slow first call into "unavailable"
    for (String service : List.of("project-intake", "milestone-review", "post-subsidy")) {
      registry.add("portal.services." + service + ".timeout", () -> "30s");
    }
  }

  @AfterAll
  static void stop() {
    INTAKE.disposeNow();
    MILESTONE.disposeNow();
    SUBSIDY.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired
  ApplicationContext context;

  WebTestClient web;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    SENT.clear();
    KEYS.clear();
  }

  static MultiValueMap<String, String> form(String title, String requested, String budget, String... percents) {
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    f.add("programId", "pg-1");
    f.add("title", title);
    f.add("abstract", "研究晶界扩散工艺");
    f.add("requestedAmount", requested);
    f.add("projectStartDate", "2027-01-01");
    f.add("projectEndDate", "2028-12-31");
    f.add("budgetLines[0].category", "设备费");
    f.add("budgetLines[0].amount", budget);
    f.add("budgetLines[1].category", "");
    f.add("budgetLines[1].amount", "");
    f.add("principalInvestigator.name", "王海燕");
    f.add("principalInvestigator.nationalId", PI_ID);
    f.add("principalInvestigator.organisationCode", ORG);
    for (int i = 0; i < percents.length; i++) {
      f.add("milestones[" + i + "].title", "里程碑" + (i + 1));
      f.add("milestones[" + i + "].deliverables", "报告\n样品");
      f.add("milestones[" + i + "].dueDate", "2027-0" + (i + 3) + "-30");
      f.add("milestones[" + i + "].tranchePercent", percents[i]);
    }
    return f;
  }

  private WebTestClient.ResponseSpec post(String uri, MultiValueMap<String, String> form) {
    return web.mutateWith(PortalPagesTest.applicant("editor")).mutateWith(csrf()).post().uri(uri)
        .body(BodyInserters.fromFormData(form)).exchange();
  }

  private String get(String uri) {
    return web.mutateWith(PortalPagesTest.applicant("editor")).get().uri(uri).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
  }

  @Test
  void theEditorOffersEveryPartWithTheLiveTotalFromAFileAndNoIdNumberField() {
    String html = get("/applicant/proposals/new?programId=pg-1");
    assertThat(html).contains("新建申报书").contains("新材料专项").contains("¥3,000,000.00")
        .contains("name=\"budgetLines[2].amount\"").contains("name=\"milestones[2].tranchePercent\"")
        .contains("name=\"principalInvestigator.nationalId\" value=\"\"")
        .contains("src=\"/js/milestone-plan.js\"").contains("拨款比例合计 0%，须为 100%。")
        .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    assertThat(html).doesNotContainPattern("<script(?![^>]*src=)").doesNotContain(" style=");
  }

  @Test
  void yuanAreSentAsExactFenAndEmptyRowsAreLeftOut() {
    post("/applicant/proposals/new", form("晶界扩散", "1,234,567.89", "￥1234567.89", "40", "60"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/applicant/proposals/pr-new/edit?saved=1");
    assertThat(SENT).hasSize(1);
    assertThat(SENT.get(0)).contains("\"requestedAmountFen\":123456789")
        .contains("\"budgetLines\":[{\"category\":\"设备费\",\"amountFen\":123456789}]")
        .contains("\"nationalId\":\"" + PI_ID + "\"")
        .contains("\"sequence\":2").contains("\"tranchePercent\":60").contains("\"deliverables\":[\"报告\",\"样品\"]")
        .contains("\"dueDate\":\"2027-04-30\"");
  }

  @Test
  void anAmountThePortalCannotReadIsMarkedAtItsFieldAndNothingIsSent() {
    String html = post("/applicant/proposals/new", form("晶界扩散", "12.345", "1", "100"))
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).isEmpty();
    assertThat(html).contains("请输入以元为单位的金额").contains("aria-invalid=\"true\"")
        .contains("aria-describedby=\"requestedAmount-hint err-requestedAmount\"");
    assertThat(html).doesNotContain(PI_ID);
  }

  @Test
  void theServicesMilestoneRefusalShowsAtThePlanInChineseAndTheTypedIdIsNotShownBack() {
    String html = post("/applicant/proposals/new", form("BAD-PLAN", "100", "100", "30", "30", "30"))
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(SENT).hasSize(1);
    assertThat(html).contains("id=\"err-milestones\"").contains("里程碑拨款比例合计必须为 100%")
        .contains("拨款比例合计 90%，须为 100%。").contains("value=\"BAD-PLAN\"");
    assertThat(html).doesNotContain(PI_ID).doesNotContain("English detail never shown");
  }

  @Test
  void theServicesFieldErrorsShowNextToTheirFields() {
    String html = post("/applicant/proposals/new", form("BAD-FIELD", "100", "100", "100"))
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("id=\"err-budgetLines-0-amount\"").contains("请填写大于零的金额。")
        .contains("id=\"err-principalInvestigator-nationalId\"").contains("请填写有效的 18 位居民身份证号码。")
        .doesNotContain("must be greater than 0").doesNotContain(PI_ID);
  }

  @Test
  void aDraftOpensInTheEditorInYuanWithItsFilesAndOnlyTheMaskedIdOnFile() {
    String html = get("/applicant/proposals/pr-new/edit?saved=1");
    assertThat(html).contains("编辑申报书").contains("草稿已保存。").contains("value=\"1234567.89\"")
        .contains("已登记号码 1101**********824X").contains("name=\"principalInvestigator.nationalId\" value=\"\"")
        .contains("可行性研究报告.pdf").contains("/applicant/proposals/pr-new/files/f-1/delete")
        .contains("enctype=\"multipart/form-data\"").contains("拨款比例合计 100%，符合要求。");
  }

  @Test
  void anotherOrganisationsDraftIsNotFoundInTheEditorAndAtSubmission() {
    for (String uri : List.of("/applicant/proposals/pr-of-another-org/edit", "/applicant/proposals/pr-of-another-org/submit")) {
      web.mutateWith(PortalPagesTest.applicant("editor")).get().uri(uri).exchange()
          .expectStatus().isNotFound()
          .expectBody(String.class).value(html -> assertThat(html).contains("未找到该页面或记录"));
    }
  }

  @Test
  void aSubmittedProposalIsNotOfferedForEditing() {
    web.mutateWith(PortalPagesTest.applicant("editor")).get().uri("/applicant/proposals/pr-awarded/edit").exchange()
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/applicant/proposals/pr-awarded");
    assertThat(get("/applicant/proposals/pr-awarded")).doesNotContain("/applicant/proposals/pr-awarded/edit");
  }

  @Test
  void theSameRenderedSubmitFormSentTwiceCarriesOneIdempotencyKey() {
    String page = get("/applicant/proposals/pr-new/submit");
    assertThat(page).contains("科研诚信承诺书").contains("2026年第1版（中文）");
    String key = page.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
    assertThat(key).hasSize(36);
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    f.add("idempotencyKey", key);
    f.add("pledgeVersion", "2026年第1版（中文）");
    f.add("pledgeAccepted", "true");
    post("/applicant/proposals/pr-new/submit", f).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/applicant/proposals/pr-new?submitted=1");
    post("/applicant/proposals/pr-new/submit", f).expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(KEYS).hasSize(2).allSatisfy(sent -> assertThat(sent).startsWith(key + " ")
        .contains("\"accepted\":true").contains("\"textVersion\":\"2026年第1版（中文）\""));
    // a new rendering of the page is a new form: a new key
    assertThat(get("/applicant/proposals/pr-new/submit")).doesNotContain(key);
  }

  @Test
  void aSubmissionRefusedForAnIntegrityHoldShowsTheEndDateAndWhatItBlocks() {
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    f.add("idempotencyKey", "k-1");
    f.add("pledgeVersion", "2026年第1版（中文）");
    f.add("pledgeAccepted", "true");
    String html = post("/applicant/proposals/pr-held/submit", f).expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("限制期至 2029-12-31").contains("不能提交申报").contains("value=\"k-1\"");
  }

  @Test
  void theTimelineShowsEachStepTheServiceAnsweredWithTheRejectionReason() {
    String awarded = get("/applicant/proposals/pr-awarded");
    assertThat(awarded).contains("起草").contains("形式审查").contains("专家评审").contains("立项资助")
        .contains("2026-12-07 10:30").contains("/applicant/projects/prj-1").contains("可行性研究报告.pdf");
    String rejected = get("/applicant/proposals/pr-rejected");
    assertThat(rejected).contains("未予立项").contains("技术路线不够成熟").doesNotContain("形式审查");
  }

  @Test
  void aProjectShowsItsMilestonesAndPaymentsAndAHold() {
    String html = get("/applicant/projects/prj-1");
    assertThat(html).contains("小批量样品").contains("2027-06-30").contains("40%").contains("预拨款")
        .contains("¥300,000.01").contains("提交里程碑报告").contains("name=\"deliverablesMet\"")
        .doesNotContain("科研诚信限制期");
    String held = get("/applicant/projects/prj-held");
    assertThat(held).contains("本单位正处于科研诚信限制期").contains("拨款暂停发放")
        .contains("“后补助与拨付”服务暂时无法访问").contains("小批量样品");
  }
}
