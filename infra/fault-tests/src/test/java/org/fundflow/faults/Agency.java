package org.fundflow.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fundflow.faults.Api.Response;
import org.fundflow.platform.test.TestJwts;
import tools.jackson.databind.JsonNode;

/**
 * What a funding agency does end to end for one GENERAL project, only through the services' HTTP APIs, written so
 * that it survives faults: every step is retried (see {@link Api#call}); a write is retried only when that is safe
 * (Idempotency-Key, or a re-read of the state first and "already there" counting as done); effects of events are
 * polled for with a generous limit (a killed service's relay lease is 30 s).
 */
final class Agency {

  static final String INTAKE = "project-intake";
  static final String MILESTONE = "milestone-review";
  static final String SUBSIDY = "post-subsidy";

  static final Duration EVENTUAL = Duration.ofMinutes(8);
  static final int ADVANCE_PERCENT = 60;

  static final String PM = TestJwts.token("pm-liu-yang", List.of("PROGRAM_MANAGER"), null);
  static final String OFFICER = TestJwts.token("fin-officer-wang-fang", List.of("FINANCE_OFFICER"), null);
  static final String APPROVER = TestJwts.token("fin-approver-zhou-min", List.of("FINANCE_APPROVER"), null);
  static final String AUDITOR = TestJwts.token("auditor-qian-hua", List.of("AUDITOR"), null);

  // experts never come from an applicant organisation (those are all 9112011...) nor are team members (120112...)
  static final List<String> EXPERT_ORGS = List.of("12310115AMBRCN372R", "123101151HQW8XPY70", "1231011578KYG8A51P");
  static final List<String> EXPERT_IDS = List.of("370202199503084946", "110108196412165143", "120101199804221387");
  static final List<String> EXPERT_NAMES = List.of("周建国", "Dr. Helen Zhao", "孙立新");
  static final int[] SCORES = {92, 87, 85};

  /** One lifecycle's identity and outcome, for the audit. */
  record Lifecycle(int index, String programId, String org, String proposalId, String projectId, long awardedFen,
      long releasedFen, boolean completed) {}

  private final Api api;
  private final int run;

  Agency(Api api, int run) {
    this.api = api;
    this.run = run;
  }

  /** A GENERAL program (60 % advance on award, 40 % on final acceptance), open, and known to post-subsidy. */
  String openProgram(int number, long budgetFen) {
    Map<String, Object> body = new LinkedHashMap<>();
    Instant now = Instant.now();
    body.put("name", "2026年度津南区科技计划一般项目（故障演练 " + run + "-" + number + "）");
    body.put("kind", "GENERAL");
    body.put("budgetFen", budgetFen);
    body.put("perProjectCapFen", 200_000_000L);
    body.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    body.put("fundingSplit", Map.of("advancePercent", ADVANCE_PERCENT, "balancePercent", 100 - ADVANCE_PERCENT));
    body.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审 (ADR 7)
    // set up before any fault: a retried create could leave a second, unused program, which would be harmless
    String id = expect(api.call("POST", INTAKE, "/programs", PM, body), 201).get("id").asString();
    transition(INTAKE, "/programs/" + id, "/open", null, Set.of("OPEN"), Set.of("DRAFT"));
    awaitStatus(SUBSIDY, "/programs/" + id + "/budget", OFFICER, r -> r.status() == 200);
    return id;
  }

  Lifecycle run(int index, String programId) {
    String org = Identities.organisation(run, index);
    String applicant = TestJwts.token("applicant-" + org, List.of("APPLICANT"), org);
    long requested = 150_000_000L + index;
    long awarded = 100_000_000L + index * 7L;

    // a retried create may leave an unused draft behind; only the one we go on with is ever submitted
    String proposalId = expect(api.call("POST", INTAKE, "/proposals", applicant,
        proposal(programId, org, requested, index)), 201).get("id").asString();
    String path = "/proposals/" + proposalId;
    Response submitted = api.call("POST", INTAKE, path + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-KJ-CN-2026-01")),
        Map.of("Idempotency-Key", "submit-" + proposalId));
    expect(submitted, 200);
    Set<String> afterScreen = Set.of("SCREENING", "UNDER_REVIEW", "AWARDED");
    transition(INTAKE, path, "/screen", null, afterScreen, Set.of("SUBMITTED"));
    transition(INTAKE, path, "/review", null, Set.of("UNDER_REVIEW", "AWARDED"), Set.of("SCREENING"));
    JsonNode award = transition(INTAKE, path, "/award", Map.of("amountFen", awarded), Set.of("AWARDED"),
        Set.of("UNDER_REVIEW"));
    String projectId = award.get("projectId").asString();

    awaitStatus(MILESTONE, "/projects/" + projectId, PM, r -> r.status() == 200);
    JsonNode advance = awaitDisbursement(projectId, "ADVANCE");
    long released = pay(advance.get("id").asString());

    reportAndReview(projectId, applicant, index);
    JsonNode balance = awaitDisbursement(projectId, "BALANCE");
    released += pay(balance.get("id").asString());

    JsonNode project = expect(api.call("GET", MILESTONE, "/projects/" + projectId, PM, null), 200);
    boolean completed = project.get("status").asString().equals("COMPLETED") && released == awarded;
    return new Lifecycle(index, programId, org, proposalId, projectId, awarded, released, completed);
  }

  private Map<String, Object> proposal(String programId, String org, long requestedFen, int index) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", "面向故障演练" + index + "号的镁合金表面微弧氧化涂层工艺研究");
    body.put("abstract", "第" + index + "号课题：开发可控降解速率的镁合金骨科植入物表面涂层，完成动物实验和小批量试制，编号 "
        + org + "。");
    body.put("keywords", List.of("镁合金", "微弧氧化", "课题" + index));
    body.put("requestedAmountFen", requestedFen);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", requestedFen * 4 / 10),
        Map.of("category", "材料费", "amountFen", requestedFen * 3 / 10),
        Map.of("category", "劳务费", "amountFen", requestedFen - requestedFen * 4 / 10 - requestedFen * 3 / 10)));
    body.put("principalInvestigator", Map.of("nationalId", Identities.person(index, 1), "name", "赵丽华", "organisationCode", org));
    body.put("team", List.of(Map.of("nationalId", Identities.person(index, 2), "name", "陈志强", "organisationCode", org,
        "role", "技术骨干")));
    body.put("attachments", List.of(Map.of("name", "项目申报书.pdf", "mediaType", "application/pdf",
        "sizeBytes", 2_480_133, "sha256", "3e".repeat(32))));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    return body;
  }

  /**
   * A state change that is safe to retry: read the resource; if it is already in one of {@code done}, that is the
   * answer; if it is in one of {@code from}, send the action with If-Match of what was read; a 409/412 (someone -
   * our own earlier attempt - changed it meanwhile) means read again.
   */
  private JsonNode transition(String service, String path, String action, Object body, Set<String> done, Set<String> from) {
    for (int round = 0; round < 50; round++) {
      Response read = api.call("GET", service, path, PM, null);
      JsonNode current = expect(read, 200);
      String status = current.get("status").asString();
      if (done.contains(status)) {
        return current;
      }
      if (!from.contains(status)) {
        throw new AssertionError(path + " is " + status + ", expected one of " + from + " or " + done);
      }
      String etag = read.header("ETag");
      Response r = api.call("POST", service, path + action, PM, body,
          etag == null ? Map.of() : Map.of("If-Match", etag));
      if (r.status() == 200) {
        return r.json();
      }
      if (r.status() != 409 && r.status() != 412) {
        throw new AssertionError("POST " + path + action + " answered " + r.status() + ": " + r.body());
      }
      Api.pause(Math.min(2_000, 100L << Math.min(round, 5)));
    }
    throw new AssertionError(path + action + " did not settle");
  }

  private JsonNode awaitDisbursement(String projectId, String kind) {
    JsonNode[] found = new JsonNode[1];
    awaitStatus(SUBSIDY, "/disbursements?projectId=" + projectId, OFFICER, r -> {
      if (r.status() != 200) {
        return false;
      }
      for (JsonNode d : r.json().get("items")) {
        if (d.at("/trigger/kind").asString().equals(kind)) {
          found[0] = d;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  /**
   * Prepared by a finance officer, released by a different approver; returns the amount released. A 409/412 means
   * someone (our own unanswered attempt) changed it, or a release was interrupted by a kill -9 between the budget
   * reservation and its confirmation: 409 release-in-progress until post-subsidy's reconciler (every 60 s, grace
   * 60 s) settles it. So read again after a back-off, for as long as {@link #EVENTUAL}.
   */
  private long pay(String id) {
    String path = "/disbursements/" + id;
    long deadline = System.nanoTime() + EVENTUAL.toNanos();
    long pause = 100;
    String last = "";
    while (System.nanoTime() < deadline) {
      Response read = api.call("GET", SUBSIDY, path, AUDITOR, null);
      JsonNode d = expect(read, 200);
      String status = d.get("status").asString();
      Response r;
      switch (status) {
        case "RELEASED" -> {
          return d.get("amountFen").asLong();
        }
        case "CREATED" -> r = api.call("POST", SUBSIDY, path + "/preparation", OFFICER, Map.of("payeeName", "收款单位基本户",
            "bank", "天津银行津南支行", "accountNumber", "6222020302001234567"));
        case "PREPARED" -> {
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Idempotency-Key", "release-" + id);
          headers.put("If-Match", read.header("ETag"));
          r = api.call("POST", SUBSIDY, path + "/release", APPROVER, Map.of("paymentReference", "津南财拨-" + id), headers);
        }
        default -> throw new AssertionError("disbursement " + id + " is " + status);
      }
      expectOneOf(r, 200, 409, 412);
      if (r.status() != 200) {
        last = r.status() + " " + r.body();
        Api.pause(pause);
        pause = Math.min(2_000, pause * 2);
      }
    }
    throw new AssertionError("disbursement " + id + " was not released within " + EVENTUAL + "; last answer " + last);
  }

  private void reportAndReview(String projectId, String applicant, int index) {
    Response reported = api.call("POST", MILESTONE, "/projects/" + projectId + "/reports", applicant, Map.of(
        "deliverablesMet", List.of("阶段技术报告", "第三方检测报告"),
        "evidence", List.of(Map.of("name", "检测报告-" + index + ".pdf", "sha256", "9f".repeat(32))),
        "spendingToDateFen", 61_250_000L), Map.of("Idempotency-Key", "report-" + projectId));
    String reportPath = "/projects/" + projectId + "/reports/" + expect(reported, 201).get("reportId").asString();

    List<String> experts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String expertId = "exp-" + run + "-" + index + "-" + (i + 1);
      expect(api.call("PUT", MILESTONE, "/experts/" + expertId, PM, Map.of("name", EXPERT_NAMES.get(i),
          "organisationCode", EXPERT_ORGS.get(i), "nationalId", EXPERT_IDS.get(i), "declaredConflicts", List.of())), 200);
      experts.add(expertId);
    }
    // a retry after an unanswered attempt may find its own earlier success: 409 panel-exists / panel-closed
    retrySafe(api.call("POST", MILESTONE, reportPath + "/panel", PM, Map.of("expertIds", experts)));
    for (int i = 0; i < 3; i++) {
      String token = TestJwts.token(experts.get(i), List.of("EXPERT"), EXPERT_ORGS.get(i));
      retrySafe(api.call("POST", MILESTONE, reportPath + "/declaration", token, Map.of("conflict", false)));
      retrySafe(api.call("PUT", MILESTONE, reportPath + "/evaluation", token, scores(SCORES[i])));
    }
  }

  private static void retrySafe(Response r) {
    if (r.status() == 200 || (r.status() == 409 && r.retried())) {
      return;
    }
    throw new AssertionError("answered " + r.status() + " after " + r.attempts() + " attempt(s): " + r.body());
  }

  static Map<String, Object> scores(int total) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliverables", Math.min(40, total));
    body.put("technicalQuality", Math.min(30, total - 40));
    body.put("budgetExecution", Math.min(20, total - 70));
    body.put("management", total - 40 - Math.min(30, total - 40) - Math.min(20, total - 70));
    body.put("recommendation", "PASSED");
    body.put("comments", "交付物齐全，指标达到任务书要求。");
    return body;
  }

  private void awaitStatus(String service, String path, String token, Function<Response, Boolean> condition) {
    long deadline = System.nanoTime() + EVENTUAL.toNanos();
    long pause = 100;
    while (true) {
      Response r = api.call("GET", service, path, token, null);
      if (condition.apply(r)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("GET " + service + path + " not as expected after " + EVENTUAL + ": " + r.status() + " " + r.body());
      }
      Api.pause(pause);
      pause = Math.min(2_000, pause * 2);
    }
  }

  static JsonNode expect(Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + " but got " + r.status() + " after " + r.attempts() + " attempt(s): " + r.body());
    }
    return r.json();
  }

  private static void expectOneOf(Response r, int... statuses) {
    for (int s : statuses) {
      if (r.status() == s) {
        return;
      }
    }
    throw new AssertionError("answered " + r.status() + ": " + r.body());
  }
}
