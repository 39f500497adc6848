package org.fundflow.milestone.it;

import static org.fundflow.platform.test.BadInputMatrix.with;
import static org.fundflow.platform.test.BadInputMatrix.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.FileAccessMatrix;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.StoreSnapshot;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 7 point 3 for milestone-review (same configuration as {@link MilestoneReviewIT}, so one
 * context). (1) Generated bad input for every POST/PUT endpoint (reports, panels, seats,
 * declarations, evaluations, expert profiles): malformed JSON, wrong types, missing fields, oversize
 * strings/lists/bodies, negative and huge amounts, scores out of range, unknown enum values, illegal
 * transitions; each a 4xx problem that leaves the collections unchanged (outbox drained,
 * {@code outboxLease} ignored). (2) A role x endpoint matrix with an assigned expert, an unassigned
 * expert (404 on reports it is not assigned to) and an applicant of another organisation (404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputAndAccessMatrixIT
    implements BadInputAndAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Fixture, BadInputAndAccessMatrixIT.Who>,
    FileAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.FileWho> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("milestone-review");

  static final String ORG = "12120112EXH9BL324R";
  static final String OTHER_ORG = "11120112DAJ3PW352L";
  static final String EXPERT_ORG = MilestoneReviewIT.EXPERT_ORG;
  static final String PM = MilestoneReviewIT.PM;

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;
  WebTestClient http;
  final ServiceFixture kafka = ServiceFixture.get();

  static volatile Fixture fx;

  /**
   * project: a report under review with a panel (declared = assigned and declared, undeclared = assigned only);
   * openProject: its first milestone open, no report; reportNoPanel: a report without a panel.
   */
  record Fixture(String project, String report, String declared, String undeclared, String outsider, String openProject,
      String noPanelProject, String reportNoPanel, String otherOrgProject, String review, String reviewDeclared,
      String reviewNoPanel) {}

  @BeforeEach
  void fixture() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    if (fx != null) {
      return;
    }
    String project = newProject(ORG);
    String report = submitReport(project);
    List<String> panel = formPanel(project, report);
    declare(project, report, panel.get(0));
    String noPanel = newProject(ORG);
    // 立项评审: a proposal review with its panel (the first expert declared), and one without a panel
    String review = newReview();
    String reviewDeclared = reviewPanel(review).get(0);
    declareOnReview(review, reviewDeclared);
    fx = new Fixture(project, report, panel.get(0), panel.get(1), expert(EXPERT_ORG), newProject(ORG), noPanel,
        submitReport(noPanel), newProject(OTHER_ORG), review, reviewDeclared, newReview());
  }

  // ------------------------------------------------------------------ building state

  String newProject(String org) {
    String projectId = ServiceFixture.newId("prj-mx");
    kafka.send("intake.proposal-events", projectId, MilestoneReviewIT.AWARDED, java.util.UUID.randomUUID().toString(),
        MilestoneReviewIT.challengeAward(projectId, org));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/projects/" + projectId)
        .headers(h -> h.setBearerAuth(MilestoneReviewIT.applicant(org))).exchange().returnResult(String.class)
        .getStatus().value() == 200);
    return projectId;
  }

  /** A proposal review opened by intake's proposal-screened (立项评审). */
  String newReview() {
    String proposalId = ServiceFixture.newId("prp-mx");
    kafka.send("intake.proposal-events", proposalId, ProposalReviewIT.SCREENED, java.util.UUID.randomUUID().toString(),
        ProposalReviewIT.screened(proposalId, "prg-mx"));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/proposal-reviews/" + proposalId)
        .headers(h -> h.setBearerAuth(PM)).exchange().returnResult(String.class).getStatus().value() == 200);
    return proposalId;
  }

  List<String> reviewPanel(String proposalId) {
    List<String> experts = List.of(expert(EXPERT_ORG), expert(EXPERT_ORG), expert(EXPERT_ORG));
    call(HttpMethod.POST, "/proposal-reviews/" + proposalId + "/panel", PM, Map.of("expertIds", experts), 200);
    return experts;
  }

  void declareOnReview(String proposalId, String expertId) {
    call(HttpMethod.POST, "/proposal-reviews/" + proposalId + "/declaration", MilestoneReviewIT.expertToken(expertId),
        Map.of("conflict", false), 200);
  }

  static Map<String, Object> reviewScores() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("criterionScores", List.of(40, 30, 10));
    b.put("comments", "意见");
    return b;
  }

  String submitReport(String projectId) {
    return (String) call(HttpMethod.POST, "/projects/" + projectId + "/reports", MilestoneReviewIT.applicant(ORG),
        MilestoneReviewIT.reportBody(), 201).get("reportId");
  }

  String expert(String org) {
    String id = ServiceFixture.newId("exp-mx");
    call(HttpMethod.PUT, "/experts/" + id, PM, expertBody(org), 200);
    return id;
  }

  List<String> formPanel(String projectId, String reportId) {
    List<String> experts = List.of(expert(EXPERT_ORG), expert(EXPERT_ORG), expert(EXPERT_ORG));
    call(HttpMethod.POST, MilestoneReviewIT.panelPath(projectId, reportId), PM, Map.of("expertIds", experts), 200);
    return experts;
  }

  void declare(String projectId, String reportId, String expertId) {
    call(HttpMethod.POST, MilestoneReviewIT.reportPath(projectId, reportId) + "/declaration",
        MilestoneReviewIT.expertToken(expertId), Map.of("conflict", false), 200);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> call(HttpMethod method, String path, String token, Object body, int status) {
    EntityExchangeResult<Map> r = http.method(method).uri(path).headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(status)
        .expectBody(Map.class).returnResult();
    return r.getResponseBody();
  }

  static Map<String, Object> expertBody(String org) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", "专家");
    b.put("organisationCode", org);
    b.put("nationalId", "11010819841203824X");
    b.put("declaredConflicts", List.of());
    return b;
  }

  static Map<String, Object> report() {
    return new LinkedHashMap<>(MilestoneReviewIT.reportBody());
  }

  static Map<String, Object> scores() {
    return new LinkedHashMap<>(MilestoneReviewIT.scores(85));
  }

  static Map<String, Object> diligence() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("diligent", true);
    b.put("misconduct", false);
    b.put("explanation", "团队勤勉尽责，失败源于技术风险");
    b.put("evidenceRefs", List.of("fil-1"));
    return b;
  }

  /** A report of the project that FAILED its review (3 experts, totals 40). */
  String failedReport(String projectId) {
    String r = submitReport(projectId);
    List<String> panel = formPanel(projectId, r);
    for (String e : panel) {
      declare(projectId, r, e);
      call(HttpMethod.PUT, MilestoneReviewIT.reportPath(projectId, r) + "/evaluation", MilestoneReviewIT.expertToken(e),
          MilestoneReviewIT.scores(40), 200);
    }
    return r;
  }

  static String applicant(String org) {
    return MilestoneReviewIT.applicant(org);
  }

  // ================================================================== (1) bad input

  record Bad(String name, HttpMethod method, Function<Fixture, String> path, Function<Fixture, String> token,
      Function<Fixture, Object> body, MediaType type, int expected) implements BadInput<Fixture> {
    @Override
    public Request request(Fixture f) {
      return new Request(method, path.apply(f), token.apply(f), body.apply(f), type, Map.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Bad bad(String ep, String name, HttpMethod m, Function<Fixture, String> path, Function<Fixture, String> token,
      Function<Fixture, Object> body, int expected) {
    return new Bad(ep + " " + name, m, path, token, body, MediaType.APPLICATION_JSON, expected);
  }

  static final String HUGE = "x".repeat(600 * 1024);

  static List<Bad> generic(String ep, HttpMethod m, Function<Fixture, String> path, Function<Fixture, String> token,
      Map<String, Object> valid, String field) {
    return List.of(
        bad(ep, "malformed JSON", m, path, token, f -> "{\"a\": [", 400),
        bad(ep, "JSON array", m, path, token, f -> "[1]", 400),
        bad(ep, "empty body", m, path, token, f -> "", 400),
        bad(ep, "body over 512 KB", m, path, token, f -> with(valid, field, HUGE), 413),
        new Bad(ep + " text/plain", m, path, token, f -> "x", MediaType.TEXT_PLAIN, 415));
  }

  static Stream<Bad> badRequests() {
    List<Bad> all = new ArrayList<>();
    HttpMethod post = HttpMethod.POST;
    HttpMethod put = HttpMethod.PUT;
    Function<Fixture, String> app = f -> applicant(ORG);
    Function<Fixture, String> pm = f -> PM;

    // ---------------------------------------------------------------- reports
    String re = "POST /projects/{open}/reports";
    Function<Fixture, String> rp = f -> "/projects/" + f.openProject() + "/reports";
    all.addAll(generic(re, post, rp, app, report(), "spendingToDateFen"));
    all.add(bad(re, "missing deliverablesMet", post, rp, app, f -> without(report(), "deliverablesMet"), 400));
    all.add(bad(re, "empty deliverablesMet", post, rp, app, f -> with(report(), "deliverablesMet", List.of()), 400));
    all.add(bad(re, "blank deliverable", post, rp, app, f -> with(report(), "deliverablesMet", List.of(" ")), 400));
    all.add(bad(re, "101 deliverables", post, rp, app, f -> with(report(), "deliverablesMet",
        java.util.Collections.nCopies(101, "d")), 400));
    all.add(bad(re, "201 evidence refs", post, rp, app, f -> with(report(), "evidence",
        java.util.Collections.nCopies(201, Map.of("name", "e.pdf", "sha256", "9f".repeat(32)))), 400));
    all.add(bad(re, "evidence sha256 upper case", post, rp, app, f -> with(report(), "evidence",
        List.of(Map.of("name", "e.pdf", "sha256", "9F".repeat(32)))), 400));
    all.add(bad(re, "evidence name 301 chars", post, rp, app, f -> with(report(), "evidence",
        List.of(Map.of("name", "n".repeat(301), "sha256", "9f".repeat(32)))), 400));
    all.add(bad(re, "evidence is a string", post, rp, app, f -> with(report(), "evidence", "all of it"), 400));
    all.add(bad(re, "missing evidence", post, rp, app, f -> without(report(), "evidence"), 400));
    all.add(bad(re, "spending -1", post, rp, app, f -> with(report(), "spendingToDateFen", -1), 400));
    all.add(bad(re, "spending beyond long", post, rp, app,
        f -> "{\"deliverablesMet\":[\"d\"],\"evidence\":[],\"spendingToDateFen\":92233720368547758070}", 400));
    all.add(bad(re, "spending is a string", post, rp, app, f -> with(report(), "spendingToDateFen", "much"), 400));
    all.add(bad(re, "missing spending", post, rp, app, f -> without(report(), "spendingToDateFen"), 400));
    all.add(bad(re, "not the next milestone", post, rp, app, f -> with(report(), "milestoneId", f.openProject() + "-m2"), 0));
    all.add(bad(re, "unknown milestone", post, rp, app, f -> with(report(), "milestoneId", "nope"), 0));
    all.add(bad("POST /projects/{under review}/reports", "second report while one is under review", post,
        f -> "/projects/" + f.project() + "/reports", app, f -> report(), 409));
    all.add(bad(re, "by another organisation's applicant", post, rp, f -> applicant(OTHER_ORG), f -> report(), 404));
    all.add(bad(re, "by a program manager", post, rp, pm, f -> report(), 403));
    all.add(bad("POST /projects/{unknown}/reports", "unknown project", post, f -> "/projects/nope/reports", app,
        f -> report(), 404));

    // ---------------------------------------------------------------- panel
    String pe = "POST .../reports/{no panel}/panel";
    Function<Fixture, String> pp = f -> MilestoneReviewIT.panelPath(f.noPanelProject(), f.reportNoPanel());
    all.addAll(generic(pe, post, pp, pm, Map.of("expertIds", List.of("a", "b", "c")), "expertIds"));
    all.add(bad(pe, "missing expertIds", post, pp, pm, f -> Map.of(), 400));
    all.add(bad(pe, "two experts", post, pp, pm, f -> Map.of("expertIds", List.of(f.outsider(), f.declared())), 400));
    all.add(bad(pe, "four experts (even)", post, pp, pm, f -> Map.of("expertIds",
        List.of(f.outsider(), f.declared(), f.undeclared(), "exp-x")), 0));
    all.add(bad(pe, "26 experts", post, pp, pm, f -> Map.of("expertIds", java.util.Collections.nCopies(26, "e")), 400));
    all.add(bad(pe, "the same expert three times", post, pp, pm, f -> Map.of("expertIds",
        List.of(f.outsider(), f.outsider(), f.outsider())), 0));
    all.add(bad(pe, "unknown experts", post, pp, pm, f -> Map.of("expertIds", List.of("nope-1", "nope-2", "nope-3")), 422));
    all.add(bad(pe, "blank expert id", post, pp, pm, f -> Map.of("expertIds", List.of(" ", "a", "b")), 400));
    all.add(bad(pe, "expertIds is a string", post, pp, pm, f -> Map.of("expertIds", "a,b,c"), 400));
    all.add(bad(pe, "by the applicant", post, pp, app, f -> Map.of("expertIds", List.of("a", "b", "c")), 403));
    all.add(bad("POST .../reports/{with panel}/panel", "second panel", post,
        f -> MilestoneReviewIT.panelPath(f.project(), f.report()), pm,
        f -> Map.of("expertIds", List.of(f.outsider(), f.outsider() + "x", f.outsider() + "y")), 0));
    all.add(bad("POST .../reports/{unknown}/panel", "unknown report", post,
        f -> MilestoneReviewIT.panelPath(f.project(), "nope"), pm, f -> Map.of("expertIds", List.of("a", "b", "c")), 0));

    // ---------------------------------------------------------------- panel seat
    String se = "POST .../panel/experts";
    Function<Fixture, String> sp = f -> MilestoneReviewIT.panelPath(f.project(), f.report()) + "/experts";
    all.addAll(generic(se, post, sp, pm, Map.of("expertId", "e"), "expertId"));
    all.add(bad(se, "missing expertId", post, sp, pm, f -> Map.of(), 400));
    all.add(bad(se, "expertId is a number", post, sp, pm, f -> "{\"expertId\": {\"x\":1}}", 400));
    all.add(bad(se, "no vacant seat", post, sp, pm, f -> Map.of("expertId", f.outsider()), 0));
    all.add(bad(se, "by an expert", post, sp, f -> MilestoneReviewIT.expertToken(f.declared()),
        f -> Map.of("expertId", f.outsider()), 403));

    // ---------------------------------------------------------------- declaration
    String de = "POST .../declaration";
    Function<Fixture, String> dp = f -> MilestoneReviewIT.reportPath(f.project(), f.report()) + "/declaration";
    Function<Fixture, String> undeclared = f -> MilestoneReviewIT.expertToken(f.undeclared());
    all.addAll(generic(de, post, dp, undeclared, Map.of("conflict", false), "reason"));
    all.add(bad(de, "missing conflict", post, dp, undeclared, f -> Map.of("reason", "x"), 400));
    all.add(bad(de, "conflict is a word", post, dp, undeclared, f -> Map.of("conflict", "perhaps"), 400));
    all.add(bad(de, "reason 2001 chars", post, dp, undeclared, f -> Map.of("conflict", true, "reason", "r".repeat(2001)), 400));
    all.add(bad(de, "by an unassigned expert", post, dp, f -> MilestoneReviewIT.expertToken(f.outsider()),
        f -> Map.of("conflict", false), 404));
    all.add(bad(de, "by the program manager", post, dp, pm, f -> Map.of("conflict", false), 403));

    // ---------------------------------------------------------------- evaluation
    String ee = "PUT .../evaluation";
    Function<Fixture, String> ep = f -> MilestoneReviewIT.reportPath(f.project(), f.report()) + "/evaluation";
    Function<Fixture, String> declared = f -> MilestoneReviewIT.expertToken(f.declared());
    all.addAll(generic(ee, put, ep, declared, scores(), "comments"));
    all.add(bad(ee, "deliverables 41", put, ep, declared, f -> with(scores(), "deliverables", 41), 400));
    all.add(bad(ee, "deliverables -1", put, ep, declared, f -> with(scores(), "deliverables", -1), 400));
    all.add(bad(ee, "technicalQuality 31", put, ep, declared, f -> with(scores(), "technicalQuality", 31), 400));
    all.add(bad(ee, "budgetExecution Integer.MAX", put, ep, declared, f -> with(scores(), "budgetExecution", Integer.MAX_VALUE), 400));
    all.add(bad(ee, "management beyond int", put, ep, declared, f -> with(scores(), "management", Long.MAX_VALUE), 400));
    all.add(bad(ee, "management a word", put, ep, declared, f -> with(scores(), "management", "ten"), 400));
    all.add(bad(ee, "missing deliverables", put, ep, declared, f -> without(scores(), "deliverables"), 400));
    all.add(bad(ee, "unknown recommendation", put, ep, declared, f -> with(scores(), "recommendation", "EXCELLENT"), 400));
    all.add(bad(ee, "missing recommendation", put, ep, declared, f -> without(scores(), "recommendation"), 400));
    all.add(bad(ee, "comments 4001 chars", put, ep, declared, f -> with(scores(), "comments", "c".repeat(4001)), 400));
    all.add(bad(ee, "before the declaration", put, ep, undeclared, f -> scores(), 403));
    all.add(bad(ee, "by an unassigned expert", put, ep, f -> MilestoneReviewIT.expertToken(f.outsider()), f -> scores(), 404));
    all.add(bad(ee, "by the applicant", put, ep, app, f -> scores(), 403));

    // ---------------------------------------------------------------- expert profiles
    String xe = "PUT /experts/{new}";
    Function<Fixture, String> xp = f -> "/experts/exp-bad-input";
    all.addAll(generic(xe, put, xp, pm, expertBody(EXPERT_ORG), "name"));
    all.add(bad(xe, "missing name", put, xp, pm, f -> without(expertBody(EXPERT_ORG), "name"), 400));
    all.add(bad(xe, "missing organisationCode", put, xp, pm, f -> without(expertBody(EXPERT_ORG), "organisationCode"), 400));
    all.add(bad(xe, "organisationCode 19 chars", put, xp, pm, f -> expertBody(EXPERT_ORG + "Y"), 400));
    all.add(bad(xe, "missing nationalId", put, xp, pm, f -> without(expertBody(EXPERT_ORG), "nationalId"), 400));
    all.add(bad(xe, "nationalId 14 chars", put, xp, pm, f -> with(expertBody(EXPERT_ORG), "nationalId", "11010519491231"), 400));
    all.add(bad(xe, "nationalId 19 chars", put, xp, pm, f -> with(expertBody(EXPERT_ORG), "nationalId", "11010819841203824X1"), 400));
    all.add(bad(xe, "201 declared conflicts", put, xp, pm, f -> with(expertBody(EXPERT_ORG), "declaredConflicts",
        java.util.Collections.nCopies(201, "c")), 400));
    all.add(bad(xe, "declaredConflicts is a string", put, xp, pm, f -> with(expertBody(EXPERT_ORG), "declaredConflicts", "none"), 400));
    for (String[] v : invalidVectors("org-codes.csv")) {
      all.add(bad(xe, "organisationCode " + v[0] + " (" + v[1] + ")", put, xp, pm,
          f -> with(expertBody(EXPERT_ORG), "organisationCode", v[0]), 400));
    }
    for (String[] v : invalidVectors("national-ids.csv")) {
      all.add(bad(xe, "nationalId: " + v[1], put, xp, pm, f -> with(expertBody(EXPERT_ORG), "nationalId", v[0]), 400));
    }
    all.add(bad(xe, "by an expert", put, xp, f -> MilestoneReviewIT.expertToken(f.declared()), f -> expertBody(EXPERT_ORG), 403));
    all.add(bad(xe, "by the auditor", put, xp, f -> TestJwts.token("aud", "AUDITOR"), f -> expertBody(EXPERT_ORG), 403));

    // ---------------------------------------------------------------- expert search (issue 14 point 5)
    String xs = "GET /experts";
    HttpMethod get = HttpMethod.GET;
    all.add(named(bad(xs, "q of 101 characters", get, f -> "/experts?q=" + "q".repeat(101), pm, f -> null, 400), "q"));
    all.add(named(bad(xs, "limit is not a number", get, f -> "/experts?limit=many", pm, f -> null, 400), "limit"));
    all.add(bad(xs, "by an expert", get, f -> "/experts?q=exp", f -> MilestoneReviewIT.expertToken(f.declared()), f -> null, 403));
    all.add(bad(xs, "by the applicant", get, f -> "/experts", app, f -> null, 403));

    // ---------------------------------------------------------------- project list paging (issue 14 point 6)
    String pl = "GET /projects";
    all.add(named(bad(pl, "after is not a cursor", get, f -> "/projects?after=prj-1", pm, f -> null, 400), "after"));
    all.add(named(bad(pl, "after with a bad instant", get, f -> "/projects?after=yesterday~prj-1", app, f -> null, 400),
        "after"));
    all.add(named(bad(pl, "limit is not a number", get, f -> "/projects?limit=many", pm, f -> null, 400), "limit"));
    // ---------------------------------------------------------------- the expert's inbox, keyset-paged
    String as = "GET /assignments";
    Function<Fixture, String> expertOf = f -> MilestoneReviewIT.expertToken(f.declared());
    all.add(named(bad(as, "limit is not a number", get, f -> "/assignments?limit=many", expertOf, f -> null, 400), "limit"));
    all.add(named(bad(as, "after is not a cursor", get, f -> "/assignments?after=not-a-cursor", expertOf, f -> null, 400),
        "after"));
    all.add(named(bad(as, "after is not base64", get, f -> "/assignments?after=%25%25", expertOf, f -> null, 400), "after"));
    all.add(named(bad(as, "after of 401 characters", get, f -> "/assignments?after=" + "A".repeat(401), expertOf,
        f -> null, 400), "after"));
    all.add(bad(as, "by the program manager", get, f -> "/assignments", pm, f -> null, 403));
    all.add(bad("GET .../assignment", "by the program manager", get,
        f -> MilestoneReviewIT.reportPath(f.openProject(), "no-such-report") + "/assignment", pm, f -> null, 403));
    all.add(bad("GET .../assignment", "of a report the expert never sat on", get,
        f -> MilestoneReviewIT.reportPath(f.openProject(), "no-such-report") + "/assignment", expertOf, f -> null, 404));

    // ---------------------------------------------------------------- diligence assessment (尽职免责, issue 17 point 3)
    String da = "POST /projects/{active}/diligence-assessments";
    Function<Fixture, String> dap = f -> "/projects/" + f.openProject() + "/diligence-assessments";
    all.addAll(generic(da, post, dap, pm, diligence(), "explanation"));
    all.add(bad(da, "missing diligent", post, dap, pm, f -> without(diligence(), "diligent"), 400));
    all.add(bad(da, "diligent is a word", post, dap, pm, f -> with(diligence(), "diligent", "mostly"), 400));
    all.add(bad(da, "missing misconduct", post, dap, pm, f -> without(diligence(), "misconduct"), 400));
    all.add(bad(da, "blank explanation", post, dap, pm, f -> with(diligence(), "explanation", " "), 400));
    all.add(bad(da, "explanation 4001 chars", post, dap, pm, f -> with(diligence(), "explanation", "e".repeat(4001)), 400));
    all.add(bad(da, "21 evidence refs", post, dap, pm, f -> with(diligence(), "evidenceRefs",
        java.util.Collections.nCopies(21, "fil-1")), 400));
    all.add(bad(da, "blank evidence ref", post, dap, pm, f -> with(diligence(), "evidenceRefs", List.of(" ")), 400));
    all.add(bad(da, "no failure yet (active project, no report named)", post, dap, pm, f -> diligence(), 409));
    all.add(bad("POST /projects/{under review}/diligence-assessments", "a report under review", post,
        f -> "/projects/" + f.project() + "/diligence-assessments", pm, f -> with(diligence(), "reportId", f.report()), 409));
    all.add(bad(da, "unknown report", post, dap, pm, f -> with(diligence(), "reportId", "nope"), 404));
    all.add(bad("POST /projects/{unknown}/diligence-assessments", "unknown project", post,
        f -> "/projects/nope/diligence-assessments", pm, f -> diligence(), 404));
    all.add(bad(da, "by the applicant", post, dap, app, f -> diligence(), 403));
    all.add(bad(da, "by the applicant, invalid body", post, dap, app, f -> with(diligence(), "diligent", "x"), 403));

    // ---------------------------------------------------------------- post-award management (issue 17 point 5)
    for (String action : List.of("suspension", "resumption", "termination")) {
      String ae = "POST /projects/{open}/" + action;
      Function<Fixture, String> ap = f -> "/projects/" + f.openProject() + "/" + action;
      all.addAll(generic(ae, post, ap, pm, Map.of("reason", "r"), "reason"));
      all.add(bad(ae, "missing reason", post, ap, pm, f -> Map.of(), 400));
      all.add(bad(ae, "blank reason", post, ap, pm, f -> Map.of("reason", " "), 400));
      all.add(bad(ae, "reason 4001 chars", post, ap, pm, f -> Map.of("reason", "r".repeat(4001)), 400));
      all.add(named(bad(ae, "reason is a number", post, ap, pm, f -> Map.of("reason", 7), 400), "reason"));
      all.add(bad(ae, "by the applicant", post, ap, app, f -> Map.of("reason", "r"), 403));
      all.add(bad(ae, "by an expert", post, ap, f -> MilestoneReviewIT.expertToken(f.declared()),
          f -> Map.of("reason", "r"), 403));
      all.add(bad("POST /projects/{unknown}/" + action, "unknown project", post, f -> "/projects/nope/" + action, pm,
          f -> Map.of("reason", "r"), 404));
    }
    all.add(bad("POST /projects/{active}/resumption", "not suspended", post,
        f -> "/projects/" + f.openProject() + "/resumption", pm, f -> Map.of("reason", "r"), 409));

    String ce = "POST /projects/{open}/change-requests";
    Function<Fixture, String> cp = f -> "/projects/" + f.openProject() + "/change-requests";
    Map<String, Object> change = Map.of("kind", "MILESTONE_DUE_DATE", "milestoneId", "m", "newDueDate", "2027-03-31",
        "justification", "j");
    all.addAll(generic(ce, post, cp, app, change, "justification"));
    all.add(bad(ce, "missing kind", post, cp, app, f -> without(change, "kind"), 400));
    all.add(named(bad(ce, "unknown kind", post, cp, app, f -> with(change, "kind", "EVERYTHING"), 400), "kind"));
    all.add(bad(ce, "missing justification", post, cp, app, f -> without(change, "justification"), 400));
    all.add(bad(ce, "justification 4001 chars", post, cp, app, f -> with(change, "justification", "j".repeat(4001)), 400));
    all.add(named(bad(ce, "newDueDate not a date", post, cp, app, f -> with(change, "newDueDate", "31.03.2027"), 400),
        "newDueDate"));
    all.add(bad(ce, "due date change without a date", post, cp, app, f -> without(
        with(change, "milestoneId", f.openProject() + "-m1"), "newDueDate"), 422));
    all.add(bad(ce, "due date change of an unknown milestone", post, cp, app, f -> change, 404));
    all.add(bad(ce, "budget lines not adding up to the award", post, cp, app, f -> Map.of("kind", "BUDGET_REALLOCATION",
        "budgetLines", List.of(Map.of("category", "设备费", "amountFen", 1)), "justification", "j"), 422));
    all.add(bad(ce, "budget line -1 fen", post, cp, app, f -> Map.of("kind", "BUDGET_REALLOCATION",
        "budgetLines", List.of(Map.of("category", "设备费", "amountFen", -1)), "justification", "j"), 400));
    all.add(bad(ce, "51 budget lines", post, cp, app, f -> Map.of("kind", "BUDGET_REALLOCATION",
        "budgetLines", java.util.Collections.nCopies(51, Map.of("category", "c", "amountFen", 1)), "justification", "j"),
        400));
    all.add(named(bad(ce, "team organisation code invalid", post, cp, app, f -> Map.of("kind", "TEAM_CHANGE",
        "teamOrganisationCodes", List.of("12310P15H51AG5U99P"), "justification", "j"), 400), "teamOrganisationCodes[0]"));
    all.add(bad(ce, "by the program manager", post, cp, pm, f -> change, 403));
    all.add(bad(ce, "by another organisation's applicant", post, cp, f -> applicant(OTHER_ORG), f -> change, 404));

    String dce = "POST .../change-requests/{unknown}/decision";
    Function<Fixture, String> dcp = f -> "/projects/" + f.openProject() + "/change-requests/nope/decision";
    Map<String, Object> decision = Map.of("approve", true, "reason", "r");
    all.addAll(generic(dce, post, dcp, pm, decision, "reason"));
    all.add(bad(dce, "unknown change request", post, dcp, pm, f -> decision, 404));
    all.add(bad(dce, "missing approve", post, dcp, pm, f -> without(decision, "approve"), 400));
    all.add(named(bad(dce, "approve is a word", post, dcp, pm, f -> with(decision, "approve", "yes"), 400), "approve"));
    all.add(bad(dce, "blank reason", post, dcp, pm, f -> with(decision, "reason", " "), 400));
    all.add(bad(dce, "by the applicant", post, dcp, app, f -> decision, 403));

    all.add(bad("GET /projects/{id}/history", "by an expert", HttpMethod.GET,
        f -> "/projects/" + f.project() + "/history", f -> MilestoneReviewIT.expertToken(f.declared()), f -> null, 403));
    all.add(bad("GET /projects/{id}/history", "by another organisation's applicant", HttpMethod.GET,
        f -> "/projects/" + f.project() + "/history", f -> applicant(OTHER_ORG), f -> null, 404));

    // ---------------------------------------------------------------- performance evaluation (绩效评价, issue 17 point 6)
    String pev = "POST /projects/{active}/performance-evaluation";
    Function<Fixture, String> pvp = f -> "/projects/" + f.openProject() + "/performance-evaluation";
    Map<String, Object> rating = Map.of("index", 0, "rating", "MET", "evidence", "检测报告");
    Map<String, Object> evaluation = Map.of("panelExpertIds", List.of("e1", "e2", "e3"), "ratings", List.of(rating));
    all.addAll(generic(pev, post, pvp, pm, evaluation, "conclusion"));
    all.add(bad(pev, "missing panelExpertIds", post, pvp, pm, f -> without(evaluation, "panelExpertIds"), 400));
    all.add(bad(pev, "no ratings", post, pvp, pm, f -> with(evaluation, "ratings", List.of()), 400));
    all.add(named(bad(pev, "rating unknown (lists the values)", post, pvp, pm,
        f -> with(evaluation, "ratings", List.of(with(rating, "rating", "EXCEEDED"))), 400), "ratings[0].rating"));
    all.add(named(bad(pev, "index -1", post, pvp, pm,
        f -> with(evaluation, "ratings", List.of(with(rating, "index", -1))), 400), "ratings[0].index"));
    all.add(named(bad(pev, "index is a numeric string", post, pvp, pm,
        f -> with(evaluation, "ratings", List.of(with(rating, "index", "0"))), 400), "ratings[0].index"));
    all.add(bad(pev, "blank evidence", post, pvp, pm,
        f -> with(evaluation, "ratings", List.of(with(rating, "evidence", " "))), 400));
    all.add(bad(pev, "evidence 4001 chars", post, pvp, pm,
        f -> with(evaluation, "ratings", List.of(with(rating, "evidence", "e".repeat(4001)))), 400));
    all.add(bad(pev, "21 files for one indicator", post, pvp, pm, f -> with(evaluation, "ratings",
        List.of(with(rating, "evidenceFileIds", java.util.Collections.nCopies(21, "f")))), 400));
    all.add(bad(pev, "the project is not completed", post, pvp, pm, f -> evaluation, 409));
    all.add(bad("POST /projects/{unknown}/performance-evaluation", "unknown project", post,
        f -> "/projects/nope/performance-evaluation", pm, f -> evaluation, 404));
    all.add(bad(pev, "by the applicant", post, pvp, app, f -> evaluation, 403));
    all.add(bad(pev, "by an auditor", post, pvp, f -> TestJwts.token("auditor-x", "AUDITOR"), f -> evaluation, 403));
    all.add(bad(pev, "by the applicant, invalid body", post, pvp, app, f -> "{\"a\": [", 403));

    // ---------------------------------------------------------------- issue 12: strict types, one error shape
    all.add(named(bad(re, "spendingToDateFen is a numeric string \"100000\"", post, rp, app,
        f -> with(report(), "spendingToDateFen", "100000"), 400), "spendingToDateFen"));
    all.add(named(bad(re, "spendingToDateFen 1.5 (never truncated)", post, rp, app,
        f -> with(report(), "spendingToDateFen", 1.5), 400), "spendingToDateFen"));
    all.add(named(bad(re, "a deliverable is a number", post, rp, app,
        f -> with(report(), "deliverablesMet", List.of(7)), 400), "deliverablesMet[0]"));
    all.add(named(bad(re, "second evidence sha256 is a number", post, rp, app, f -> with(report(), "evidence",
        List.of(Map.of("name", "a.pdf", "sha256", "ab".repeat(32)), Map.of("name", "b.pdf", "sha256", 12345))), 400),
        "evidence[1].sha256"));
    all.add(named(bad(re, "second evidence sha256 upper case", post, rp, app, f -> with(report(), "evidence",
        List.of(Map.of("name", "a.pdf", "sha256", "ab".repeat(32)), Map.of("name", "b.pdf", "sha256", "AB".repeat(32)))), 400),
        "evidence[1].sha256"));
    all.add(named(bad(ee, "deliverables is a numeric string", put, ep, declared, f -> with(scores(), "deliverables", "30"), 400),
        "deliverables"));
    all.add(named(bad(ee, "recommendation unknown (lists the values)", put, ep, declared,
        f -> with(scores(), "recommendation", "EXCELLENT"), 400), "recommendation"));
    all.add(named(bad(ee, "recommendation is a number", put, ep, declared, f -> with(scores(), "recommendation", 0), 400),
        "recommendation"));
    all.add(named(bad(ee, "comments is a number", put, ep, declared, f -> with(scores(), "comments", 12), 400), "comments"));
    all.add(named(bad(de, "conflict is the string \"false\"", post, dp, undeclared, f -> Map.of("conflict", "false"), 400),
        "conflict"));
    all.add(named(bad(de, "conflict is 0", post, dp, undeclared, f -> Map.of("conflict", 0), 400), "conflict"));
    all.add(named(bad(pe, "an expert id is a number", post, pp, pm, f -> Map.of("expertIds", List.of("a", 2, "c")), 400),
        "expertIds[1]"));
    all.add(named(bad(xe, "nationalId as a JSON number", put, xp, pm,
        f -> "{\"name\":\"专家\",\"organisationCode\":\"" + EXPERT_ORG + "\",\"nationalId\":110108197203044876}", 400),
        "nationalId"));
    all.add(named(bad(xe, "organisationCode one character changed (test vector)", put, xp, pm,
        f -> with(expertBody(EXPERT_ORG), "organisationCode", "12310P15H51AG5U99P"), 400), "organisationCode"));
    all.add(named(bad(xe, "name is a number", put, xp, pm, f -> with(expertBody(EXPERT_ORG), "name", 1), 400), "name"));

    // ---------------------------------------------------------------- 立项评审: proposal reviews (issue 17 point 1)
    String rpe = "POST /proposal-reviews/{no panel}/panel";
    Function<Fixture, String> rpp = f -> "/proposal-reviews/" + f.reviewNoPanel() + "/panel";
    all.addAll(generic(rpe, post, rpp, pm, Map.of("expertIds", List.of("a", "b", "c")), "expertIds"));
    all.add(bad(rpe, "two experts", post, rpp, pm, f -> Map.of("expertIds", List.of(f.outsider(), f.declared())), 400));
    all.add(bad(rpe, "four experts", post, rpp, pm, f -> Map.of("expertIds", List.of(f.outsider(), f.declared(),
        f.undeclared(), f.reviewDeclared())), 422));
    all.add(bad(rpe, "an unknown expert", post, rpp, pm, f -> Map.of("expertIds", List.of(f.outsider(), f.declared(),
        "exp-nobody")), 422));
    all.add(named(bad(rpe, "an expert id is a number", post, rpp, pm, f -> Map.of("expertIds", List.of("a", 2, "c")),
        400), "expertIds[1]"));
    all.add(bad("POST /proposal-reviews/{with panel}/panel", "a second panel", post,
        f -> "/proposal-reviews/" + f.review() + "/panel", pm,
        f -> Map.of("expertIds", List.of(f.outsider(), f.declared(), f.undeclared())), 409));
    all.add(bad("POST /proposal-reviews/{unknown}/panel", "unknown review", post, f -> "/proposal-reviews/nope/panel", pm,
        f -> Map.of("expertIds", List.of(f.outsider(), f.declared(), f.undeclared())), 404));
    all.add(bad(rpe, "by the applicant, garbage body", post, rpp, app, f -> "[1]", 403));
    String rde = "POST /proposal-reviews/{id}/declaration";
    Function<Fixture, String> rdp = f -> "/proposal-reviews/" + f.review() + "/declaration";
    Function<Fixture, String> reviewExpert = f -> MilestoneReviewIT.expertToken(f.reviewDeclared());
    all.add(named(bad(rde, "conflict is the string \"false\"", post, rdp, reviewExpert, f -> Map.of("conflict", "false"),
        400), "conflict"));
    all.add(bad(rde, "missing conflict", post, rdp, reviewExpert, f -> Map.of(), 400));
    all.add(bad(rde, "by an expert not on the panel", post, rdp, f -> MilestoneReviewIT.expertToken(f.outsider()),
        f -> Map.of("conflict", false), 404));
    String ree = "PUT /proposal-reviews/{id}/evaluation";
    Function<Fixture, String> rep = f -> "/proposal-reviews/" + f.review() + "/evaluation";
    all.addAll(generic(ree, put, rep, reviewExpert, reviewScores(), "comments"));
    all.add(bad(ree, "missing criterionScores", put, rep, reviewExpert, f -> Map.of("comments", "c"), 400));
    all.add(bad(ree, "criterionScores empty", put, rep, reviewExpert, f -> Map.of("criterionScores", List.of()), 400));
    all.add(bad(ree, "a score -1", put, rep, reviewExpert, f -> Map.of("criterionScores", List.of(-1, 30, 10)), 400));
    all.add(bad(ree, "a score 101", put, rep, reviewExpert, f -> Map.of("criterionScores", List.of(101, 30, 10)), 400));
    all.add(named(bad(ree, "a score is a numeric string", put, rep, reviewExpert,
        f -> Map.of("criterionScores", List.of("40", 30, 10)), 400), "criterionScores[0]"));
    all.add(bad(ree, "a score 40.5", put, rep, reviewExpert, f -> "{\"criterionScores\":[40.5,30,10]}", 400));
    all.add(bad(ree, "11 scores", put, rep, reviewExpert, f -> Map.of("criterionScores",
        java.util.Collections.nCopies(11, 1)), 400));
    all.add(bad(ree, "a score over its criterion's weight", put, rep, reviewExpert,
        f -> Map.of("criterionScores", List.of(51, 30, 10)), 422));
    all.add(bad(ree, "fewer scores than criteria", put, rep, reviewExpert, f -> Map.of("criterionScores", List.of(40, 30)),
        422));
    all.add(named(bad(ree, "comments is a number", put, rep, reviewExpert, f -> with(reviewScores(), "comments", 12), 400),
        "comments"));
    all.add(bad(ree, "comments 4001 chars", put, rep, reviewExpert, f -> with(reviewScores(), "comments", "c".repeat(4001)),
        400));
    all.add(bad(ree, "by an expert of another review", put, f -> "/proposal-reviews/" + f.reviewNoPanel() + "/evaluation",
        reviewExpert, f -> reviewScores(), 404));
    all.add(bad(ree, "by the applicant, invalid scores", put, rep, app,
        f -> Map.of("criterionScores", List.of(999)), 403));

    // ---------------------------------------------------------------- issue 12 point 7: the role before the body
    all.add(bad(re, "by a program manager, malformed JSON", post, rp, pm, f -> "{\"a\": [", 403));
    all.add(bad(re, "by a program manager, invalid fields", post, rp, pm, f -> with(report(), "spendingToDateFen", "much"), 403));
    all.add(bad(pe, "by the applicant, garbage body", post, pp, app, f -> "[1]", 403));
    all.add(new Bad(pe + " by the applicant, text/plain body", post, pp, app, f -> "x", MediaType.TEXT_PLAIN, 403));
    all.add(bad(se, "by the applicant, empty body", post, sp, app, f -> "", 403));
    all.add(bad(de, "by the program manager, invalid body", post, dp, pm, f -> Map.of("conflict", "perhaps"), 403));
    all.add(bad(ee, "by the applicant, invalid scores", put, ep, app, f -> with(scores(), "deliverables", 41), 403));
    all.add(bad(xe, "by an expert, invalid national ID", put, xp, f -> MilestoneReviewIT.expertToken(f.declared()),
        f -> with(expertBody(EXPERT_ORG), "nationalId", "370202199301189980"), 403));
    all.add(bad(xe, "by the auditor, malformed JSON", put, xp, f -> TestJwts.token("aud", "AUDITOR"), f -> "{\"name\": ", 403));
    return all.stream();
  }

  /** A case whose problem must name exactly this field in {@code errors[]}. */
  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  @Override
  public void alsoAssertBadInput(BadInput<Fixture> c, EntityExchangeResult<String> r) {
    if (MATRIX.expectedField(c.name()) != null && c.name().contains("recommendation")) {
      assertThat(r.getResponseBody()).as("lists the allowed values").contains("must be one of");
    }
    assertThat(r.getResponseBody()).as("no national ID echoed").doesNotContain("110108197203044876")
        .doesNotContain("370202199301189980");
  }

  /** The invalid rows {value, why} of a shared test vector file (copied from /work/shared/testdata). */
  static List<String[]> invalidVectors(String file) {
    try (var in = BadInputAndAccessMatrixIT.class.getResourceAsStream("/testdata/" + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
          .map(line -> line.split(",", 3)).filter(cells -> cells.length == 3 && cells[1].equals("false"))
          .filter(cells -> !cells[0].isEmpty()).map(cells -> new String[] {cells[0], cells[2]}).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Arguments> invalidIdentities() {
    return Stream.concat(
        invalidVectors("org-codes.csv").stream().map(v -> Arguments.of("organisationCode", v[0], v[1])),
        invalidVectors("national-ids.csv").stream().map(v -> Arguments.of("nationalId", v[0], v[1])));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidIdentities")
  @Order(1)
  void invalidExpertIdentityIsRefusedNamingTheFieldNeverTheNumber(String field, String value, String why) {
    MATRIX.baseline(template);
    EntityExchangeResult<String> r = BadInputMatrix.exchange(http, HttpMethod.PUT, "/experts/exp-invalid-identity", PM,
        with(expertBody(EXPERT_ORG), field, value), MediaType.APPLICATION_JSON, Map.of());
    String body = r.getResponseBody();
    assertThat(r.getStatus().value()).as(body).isEqualTo(400);
    assertThat(body).contains("\"field\":\"" + field + "\"").doesNotContain(value);
    MATRIX.assertUnchanged(template, field + " " + why);
  }

  @Test
  @Order(4)
  void anExpertProfileKeepsTheHashAndTheMaskedIdNeverTheNationalId() {
    String id = ServiceFixture.newId("exp-hash");
    call(HttpMethod.PUT, "/experts/" + id, PM, expertBody(EXPERT_ORG), 200);
    String stored = StoreSnapshot.of(template).get("experts").stream().filter(d -> d.contains("\"" + id + "\""))
        .findFirst().orElseThrow();
    assertThat(stored).doesNotContain("11010819841203824X").contains("1101**********824X").contains("personIdHash");
  }

  // ================================================================== (2) role x endpoint matrix

  enum Who {
    NONE, APPLICANT, APPLICANT_OTHER_ORG, PROGRAM_MANAGER, EXPERT_ASSIGNED, EXPERT_UNASSIGNED, FINANCE_OFFICER,
    FINANCE_APPROVER, INTEGRITY_OFFICER, AUDITOR
  }

  /** A target and the id of the expert assigned (and, where the endpoint needs it, declared) on it. */
  record Target(String path, String assignedExpert) {}

  record Endpoint(String name, HttpMethod method, Function<BadInputAndAccessMatrixIT, Target> make,
      Function<Fixture, Object> body, Map<Who, Integer> expected)
      implements BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, Target, Who> {
    @Override
    public Target target(BadInputAndAccessMatrixIT test) {
      return make.apply(test);
    }

    @Override
    public Request request(BadInputAndAccessMatrixIT test, Target t, Who who) {
      return new Request(method, t.path(), test.token(who, t), body.apply(fx), MediaType.APPLICATION_JSON, Map.of());
    }
  }

  String token(Who who, Target t) {
    return switch (who) {
      case NONE -> null;
      case APPLICANT -> applicant(ORG);
      case APPLICANT_OTHER_ORG -> applicant(OTHER_ORG);
      case PROGRAM_MANAGER -> PM;
      case EXPERT_ASSIGNED -> MilestoneReviewIT.expertToken(t.assignedExpert() == null ? fx.declared() : t.assignedExpert());
      case EXPERT_UNASSIGNED -> MilestoneReviewIT.expertToken(fx.outsider());
      default -> TestJwts.token(who.name().toLowerCase() + "-x", List.of(who.name()), null);
    };
  }

  static Map<Who, Integer> only(int ok, Who... allowed) {
    return BadInputAndAccessMatrix.statuses(Who.NONE, ok, allowed);
  }

  static Map<Who, Integer> put(Map<Who, Integer> m, Who w, int status) {
    m.put(w, status);
    return m;
  }

  static List<BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, ?, Who>> endpoints() {
    Who[] readers = {Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.EXPERT_ASSIGNED,
        Who.EXPERT_UNASSIGNED, Who.AUDITOR};
    Map<Who, Integer> project = put(put(only(200, readers), Who.APPLICANT_OTHER_ORG, 404), Who.EXPERT_UNASSIGNED, 404);
    Map<Who, Integer> reportRead = put(put(only(200, readers), Who.APPLICANT_OTHER_ORG, 404), Who.EXPERT_UNASSIGNED, 404);
    return List.of(
        new Endpoint("GET /projects", HttpMethod.GET, t -> new Target("/projects", null), f -> null, only(200, readers)),
        new Endpoint("GET /projects/{id}", HttpMethod.GET, t -> new Target("/projects/" + fx.project(), null), f -> null, project),
        new Endpoint("GET .../reports/{id}", HttpMethod.GET,
            t -> new Target(MilestoneReviewIT.reportPath(fx.project(), fx.report()), null), f -> null, reportRead),
        new Endpoint("GET /assignments", HttpMethod.GET, t -> new Target("/assignments", null), f -> null,
            only(200, Who.EXPERT_ASSIGNED, Who.EXPERT_UNASSIGNED)),
        new Endpoint("GET .../reports/{id}/assignment", HttpMethod.GET,
            t -> new Target(MilestoneReviewIT.reportPath(fx.project(), fx.report()) + "/assignment", null), f -> null,
            put(only(200, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("GET /experts?q=", HttpMethod.GET, t -> new Target("/experts?q=exp&limit=5", null),
            f -> null, only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        BadInputAndAccessMatrix.read("/statistics/projects", only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        BadInputAndAccessMatrix.read("/performance-summary", only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        new Endpoint("GET /projects/{id}/performance-evaluation", HttpMethod.GET,
            t -> new Target("/projects/" + fx.project() + "/performance-evaluation", null), f -> null,
            put(only(200, Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR),
                Who.APPLICANT_OTHER_ORG, 404)),
        new Endpoint("GET /experts/{assigned}", HttpMethod.GET, t -> new Target("/experts/" + fx.declared(), null), f -> null,
            put(only(200, Who.PROGRAM_MANAGER, Who.AUDITOR, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("POST /projects/{id}/reports", HttpMethod.POST,
            t -> new Target("/projects/" + t.newProject(ORG) + "/reports", null), f -> report(),
            put(only(201, Who.APPLICANT), Who.APPLICANT_OTHER_ORG, 404)),
        new Endpoint("POST .../panel", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              return new Target(MilestoneReviewIT.panelPath(p, t.submitReport(p)), null);
            }, f -> Map.of("expertIds", List.of(f.outsider(), f.declared(), f.undeclared())), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST .../panel/experts (vacant seat)", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              String r = t.submitReport(p);
              List<String> panel = t.formPanel(p, r);
              t.call(HttpMethod.POST, MilestoneReviewIT.reportPath(p, r) + "/declaration",
                  MilestoneReviewIT.expertToken(panel.get(0)), Map.of("conflict", true, "reason", "同单位"), 204);
              return new Target(MilestoneReviewIT.panelPath(p, r) + "/experts", null);
            }, f -> Map.of("expertId", f.outsider()), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST .../declaration", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              String r = t.submitReport(p);
              return new Target(MilestoneReviewIT.reportPath(p, r) + "/declaration", t.formPanel(p, r).get(0));
            }, f -> Map.of("conflict", false), put(only(200, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("PUT .../evaluation", HttpMethod.PUT, t -> {
              String p = t.newProject(ORG);
              String r = t.submitReport(p);
              String e = t.formPanel(p, r).get(0);
              t.declare(p, r, e);
              return new Target(MilestoneReviewIT.reportPath(p, r) + "/evaluation", e);
            }, f -> scores(), put(only(200, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("POST /projects/{id}/suspension", HttpMethod.POST,
            t -> new Target("/projects/" + t.newProject(ORG) + "/suspension", null), f -> Map.of("reason", "审计"),
            only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /projects/{suspended}/resumption", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              t.call(HttpMethod.POST, "/projects/" + p + "/suspension", PM, Map.of("reason", "审计"), 200);
              return new Target("/projects/" + p + "/resumption", null);
            }, f -> Map.of("reason", "审计结束"), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /projects/{id}/termination", HttpMethod.POST,
            t -> new Target("/projects/" + t.newProject(ORG) + "/termination", null), f -> Map.of("reason", "终止"),
            only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /projects/{id}/change-requests", HttpMethod.POST,
            t -> new Target("/projects/" + t.newProject(ORG) + "/change-requests", null),
            f -> Map.of("kind", "TEAM_CHANGE", "teamOrganisationCodes", List.of(OTHER_ORG), "justification", "j"),
            put(only(201, Who.APPLICANT), Who.APPLICANT_OTHER_ORG, 404)),
        new Endpoint("POST .../change-requests/{id}/decision", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              String id = (String) t.call(HttpMethod.POST, "/projects/" + p + "/change-requests", applicant(ORG),
                  Map.of("kind", "TEAM_CHANGE", "teamOrganisationCodes", List.of(OTHER_ORG), "justification", "j"),
                  201).get("changeRequestId");
              return new Target("/projects/" + p + "/change-requests/" + id + "/decision", null);
            }, f -> Map.of("approve", false, "reason", "r"), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("GET /projects/{id}/history", HttpMethod.GET,
            t -> new Target("/projects/" + fx.project() + "/history", null), f -> null,
            put(only(200, Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR),
                Who.APPLICANT_OTHER_ORG, 404)),
        new Endpoint("POST .../diligence-assessments", HttpMethod.POST, t -> {
              String p = t.newProject(ORG);
              t.failedReport(p);
              t.failedReport(p); // the second FAILED review of milestone 1 terminates the project
              return new Target("/projects/" + p + "/diligence-assessments", null);
            }, f -> diligence(), put(only(201, Who.PROGRAM_MANAGER), Who.NONE, 401)),
        new Endpoint("GET .../diligence-assessments", HttpMethod.GET,
            t -> new Target("/projects/" + fx.project() + "/diligence-assessments", null), f -> null,
            put(only(200, Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR),
                Who.APPLICANT_OTHER_ORG, 404)),
        // 立项评审 (issue 17 point 1)
        new Endpoint("GET /proposal-reviews", HttpMethod.GET, t -> new Target("/proposal-reviews?programId=prg-mx", null),
            f -> null, only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        new Endpoint("GET /review-assignments", HttpMethod.GET, t -> new Target("/review-assignments", null), f -> null,
            only(200, Who.EXPERT_ASSIGNED, Who.EXPERT_UNASSIGNED)),
        new Endpoint("GET /proposal-reviews/{id}", HttpMethod.GET,
            t -> new Target("/proposal-reviews/" + fx.review(), fx.reviewDeclared()), f -> null,
            put(only(200, Who.PROGRAM_MANAGER, Who.AUDITOR, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("POST /proposal-reviews/{id}/panel", HttpMethod.POST,
            t -> new Target("/proposal-reviews/" + t.newReview() + "/panel", null),
            f -> Map.of("expertIds", List.of(f.outsider(), f.declared(), f.undeclared())), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposal-reviews/{id}/panel/experts (vacant seat)", HttpMethod.POST, t -> {
              String r = t.newReview();
              List<String> panel = t.reviewPanel(r);
              t.call(HttpMethod.POST, "/proposal-reviews/" + r + "/declaration",
                  MilestoneReviewIT.expertToken(panel.get(0)), Map.of("conflict", true, "reason", "同单位"), 204);
              return new Target("/proposal-reviews/" + r + "/panel/experts", null);
            }, f -> Map.of("expertId", f.outsider()), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposal-reviews/{id}/declaration", HttpMethod.POST, t -> {
              String r = t.newReview();
              return new Target("/proposal-reviews/" + r + "/declaration", t.reviewPanel(r).get(0));
            }, f -> Map.of("conflict", false), put(only(200, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("PUT /proposal-reviews/{id}/evaluation", HttpMethod.PUT, t -> {
              String r = t.newReview();
              String e = t.reviewPanel(r).get(0);
              t.declareOnReview(r, e);
              return new Target("/proposal-reviews/" + r + "/evaluation", e);
            }, f -> reviewScores(), put(only(200, Who.EXPERT_ASSIGNED), Who.EXPERT_UNASSIGNED, 404)),
        new Endpoint("PUT /experts/{id}", HttpMethod.PUT, t -> new Target("/experts/" + ServiceFixture.newId("exp-mx"), null),
            f -> expertBody(EXPERT_ORG), only(200, Who.PROGRAM_MANAGER)));
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, http, template, () -> fx, who -> token(who, new Target(null, null)));
  }

  @Override
  public FileSetup<FileWho> fileSetup() {
    return new FileSetup<>(MATRIX, http, template, this::fileToken, () -> milestoneEvidence(fx.openProject(), fx.openProject() + "-m1"), applicant(ORG), "evidence.pdf");
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(e -> e.name()).toList(), Who.values(), 40);
  }

  // ================================================================== (3) evidence files (issue 15), additive

  /** Who calls a file endpoint: the report's panel split by what each expert declared. */
  enum FileWho {
    NONE, APPLICANT, APPLICANT_OTHER_ORG, PROGRAM_MANAGER, EXPERT_DECLARED, EXPERT_UNDECLARED, EXPERT_RECUSED,
    EXPERT_UNASSIGNED, FINANCE_OFFICER, INTEGRITY_OFFICER, AUDITOR
  }

  /**
   * A project whose first report names one file ({@code named}), with a pending file uploaded since ({@code pending});
   * its panel: one expert declared no conflict, one has not declared, one declared a conflict (recused).
   */
  record FileFixture(String project, String milestone, String report, String named, String pending, String declared,
      String undeclared, String recused) {}

  static volatile FileFixture files;

  EntityExchangeResult<String> fileExchange(HttpMethod method, String path, String token,
      org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart) {
    return BadUploads.exchange(http, method, path, token, multipart);
  }

  static String milestoneEvidence(String project, String milestone) {
    return "/projects/" + project + "/milestones/" + milestone + "/evidence";
  }

  String uploadEvidence(String project, String milestone) {
    EntityExchangeResult<String> r = fileExchange(HttpMethod.POST, milestoneEvidence(project, milestone),
        applicant(ORG), BadUploads.filePart("evidence.pdf", BadUploads.SMALL_PDF));
    assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201);
    return (String) MAPPER.readValue(r.getResponseBody(), Map.class).get("fileId");
  }

  static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

  FileFixture files() {
    if (files == null) {
      String project = newProject(ORG);
      String m1 = project + "-m1";
      String named = uploadEvidence(project, m1);
      Map<String, Object> body = report();
      body.put("evidenceFileIds", List.of(named));
      String report = (String) call(HttpMethod.POST, "/projects/" + project + "/reports", applicant(ORG), body, 201)
          .get("reportId");
      List<String> panel = formPanel(project, report);
      declare(project, report, panel.get(0));
      call(HttpMethod.POST, MilestoneReviewIT.reportPath(project, report) + "/declaration",
          MilestoneReviewIT.expertToken(panel.get(2)), Map.of("conflict", true, "reason", "同单位"), 204);
      files = new FileFixture(project, m1, report, named, uploadEvidence(project, m1), panel.get(0), panel.get(1),
          panel.get(2));
    }
    return files;
  }

  /** The file fixture (for the experts' tokens) is made with the first target, before the baseline. */
  @Override
  public void beforeFileTargets() {
    files();
  }

  String fileToken(FileWho who) {
    return switch (who) {
      case NONE -> null;
      case APPLICANT -> applicant(ORG);
      case APPLICANT_OTHER_ORG -> applicant(OTHER_ORG);
      case PROGRAM_MANAGER -> PM;
      case EXPERT_DECLARED -> MilestoneReviewIT.expertToken(files().declared());
      case EXPERT_UNDECLARED -> MilestoneReviewIT.expertToken(files().undeclared());
      case EXPERT_RECUSED -> MilestoneReviewIT.expertToken(files().recused());
      case EXPERT_UNASSIGNED -> MilestoneReviewIT.expertToken(fx.outsider());
      default -> TestJwts.token(who.name().toLowerCase() + "-x", List.of(who.name()), null);
    };
  }

  static Map<FileWho, Integer> files(int ok, FileWho... allowed) {
    return BadInputAndAccessMatrix.statuses(FileWho.NONE, ok, allowed);
  }

  /** The organisation's workspace (pending files): its applicants only; another organisation 404. */
  static Map<FileWho, Integer> ownOrganisation(int ok) {
    Map<FileWho, Integer> m = files(ok, FileWho.APPLICANT);
    m.put(FileWho.APPLICANT_OTHER_ORG, 404);
    return m;
  }

  /** As the report: experts only once assigned and declared (undeclared 403, recused or unassigned 404). */
  static Map<FileWho, Integer> asTheReport(int ok) {
    Map<FileWho, Integer> m = files(ok, FileWho.APPLICANT, FileWho.PROGRAM_MANAGER, FileWho.AUDITOR,
        FileWho.EXPERT_DECLARED);
    m.put(FileWho.APPLICANT_OTHER_ORG, 404);
    m.put(FileWho.EXPERT_RECUSED, 404);
    m.put(FileWho.EXPERT_UNASSIGNED, 404);
    return m;
  }

  static List<FileEndpoint<BadInputAndAccessMatrixIT, FileWho>> fileEndpoints() {
    Map<FileWho, Integer> pendingViaReport = asTheReport(404);
    return List.of(
        new FileEndpoint<>("POST .../milestones/{m}/evidence", HttpMethod.POST,
            t -> {
              String p = t.newProject(ORG);
              return milestoneEvidence(p, p + "-m1");
            }, true, ownOrganisation(201)),
        new FileEndpoint<>("GET .../milestones/{m}/evidence", HttpMethod.GET,
            t -> milestoneEvidence(t.files().project(), t.files().milestone()), false, ownOrganisation(200)),
        new FileEndpoint<>("GET .../milestones/{m}/evidence/{pending}", HttpMethod.GET,
            t -> milestoneEvidence(t.files().project(), t.files().milestone()) + "/" + t.files().pending(), false,
            ownOrganisation(200)),
        new FileEndpoint<>("DELETE .../milestones/{m}/evidence/{pending}", HttpMethod.DELETE,
            t -> milestoneEvidence(t.files().project(), t.files().milestone()) + "/"
                + t.uploadEvidence(t.files().project(), t.files().milestone()), false, ownOrganisation(204)),
        new FileEndpoint<>("DELETE .../milestones/{m}/evidence/{named}", HttpMethod.DELETE,
            t -> milestoneEvidence(t.files().project(), t.files().milestone()) + "/" + t.files().named(), false,
            ownOrganisation(409)),
        new FileEndpoint<>("GET .../reports/{r}/evidence", HttpMethod.GET,
            t -> MilestoneReviewIT.reportPath(t.files().project(), t.files().report()) + "/evidence", false,
            asTheReport(200)),
        new FileEndpoint<>("GET .../reports/{r}/evidence/{named}", HttpMethod.GET,
            t -> MilestoneReviewIT.reportPath(t.files().project(), t.files().report()) + "/evidence/" + t.files().named(),
            false, asTheReport(200)),
        new FileEndpoint<>("GET .../reports/{r}/evidence/{pending}", HttpMethod.GET,
            t -> MilestoneReviewIT.reportPath(t.files().project(), t.files().report()) + "/evidence/"
                + t.files().pending(), false, pendingViaReport));
  }

  @AfterAll
  static void printFileTables() {
    MATRIX.printTables(fileEndpoints().stream().map(FileEndpoint::name).toList(), FileWho.values(), 48);
  }

  // ================================================================== helpers

}
