package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundflow.suite.LifecycleIT.ASYNC;
import static org.fundflow.suite.LifecycleIT.AUDITOR;
import static org.fundflow.suite.LifecycleIT.INTAKE;
import static org.fundflow.suite.LifecycleIT.INTEGRITY;
import static org.fundflow.suite.LifecycleIT.INTEGRITY_OFFICER;
import static org.fundflow.suite.LifecycleIT.MILESTONE;
import static org.fundflow.suite.LifecycleIT.OFFICER;
import static org.fundflow.suite.LifecycleIT.PEOPLE;
import static org.fundflow.suite.LifecycleIT.PM;
import static org.fundflow.suite.LifecycleIT.SUBSIDY;
import static org.fundflow.suite.LifecycleIT.expect;
import static org.fundflow.suite.LifecycleIT.payee;
import static org.fundflow.suite.LifecycleIT.programBody;
import static org.fundflow.suite.LifecycleIT.proposalBody;
import static org.fundflow.suite.LifecycleIT.yuan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.platform.test.TestJwts;
import org.fundflow.suite.LifecycleIT.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 points 3, 4 and 5 across the four running services (separate JVMs, real broker and store), driven over
 * HTTP with {@link LifecycleIT}'s steps: 尽职免责 (a diligent termination is exempted, one without diligence is
 * flagged), 追回 (a confirmed misconduct opens one recovery order for what was paid, repaid under four eyes, the hold
 * lifted) and post-award management (a suspension holds the payment, resumption restores it, a change request is
 * approved, the termination gives the unpaid award back to the program's budget once). Each scenario has its own
 * programs and organisations.
 */
class PostAwardLifecycleIT {

  // valid unified social credit codes (shared/testdata/org-codes.csv) not used by LifecycleIT's scenarios
  static final String DILIGENT_ORG = "92120116CDJLBNT814";
  static final String NEGLIGENT_ORG = "921101084KTNFX93X8";
  static final String RECOVERY_ORG = "52120116RB64230A2N";
  static final String MANAGED_ORG = "91310115JPMD5PX310";
  static final String APPROVER_2 = TestJwts.token("fin-approver-2-li-na", List.of("FINANCE_APPROVER"), null);

  final LifecycleIT steps = new LifecycleIT();

  @BeforeAll
  static void startSuite() {
    LifecycleIT.suite = RunningSuite.get();
  }

  /** A GENERAL program (60 % advance, 40 % on acceptance) and an awarded project of {@code org}. */
  String[] generalProject(String org, String title, long awardedFen) {
    Map<String, Object> program = programBody("GENERAL", "2026年度津南区科技计划一般项目（" + title + "）", 2_000_000_000L,
        150_000_000L);
    program.put("fundingSplit", Map.of("advancePercent", 60, "balancePercent", 40));
    String programId = steps.openProgram(program);
    String proposal = steps.draft(org, proposalBody(programId, org, 140_000_000L, title,
        "面向津南区产业需求的" + title + "，完成关键技术验证与示范应用。", List.of("示范应用"), PEOPLE.get(2), "赵丽华",
        PEOPLE.get(3), "陈志强", org));
    JsonNode project = steps.awardThroughIntake(org, proposal, awardedFen);
    return new String[] {programId, project.get("projectId").asString()};
  }

  JsonNode record(String org) {
    return expect(steps.call("GET", INTEGRITY, "/integrity-records/organisations/" + org, AUDITOR, null), 200);
  }

  void terminate(String projectId, String reason) {
    assertThat(expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/termination", PM,
        Map.of("reason", reason)), 200).get("status").asString()).isEqualTo("TERMINATED");
  }

  void awaitFailureRecorded(String org, String projectId) {
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        record(org).get("projectFailures").findValuesAsString("projectId")).contains(projectId));
  }

  // ================================================================== point 3: 尽职免责

  @Test
  void aDiligentTerminationIsExemptedWithoutAFlag_andOneWithoutDiligenceRaisesProjectFailed() {
    String diligent = generalProject(DILIGENT_ORG, "高温合金增材制造工艺", 100_000_000L)[1];
    terminate(diligent, "关键设备供应商停产，技术路线无法继续");
    awaitFailureRecorded(DILIGENT_ORG, diligent);
    assertThat(record(DILIGENT_ORG).at("/projectFailures/0/status").asString()).isEqualTo("AWAITING_ASSESSMENT");
    expect(steps.call("POST", MILESTONE, "/projects/" + diligent + "/diligence-assessments", PM, Map.of(
        "diligent", true, "misconduct", false, "explanation", "团队按任务书开展了全部试验，失败源于不可预见的供应风险",
        "evidenceRefs", List.of("津南科审(2027)31号"))), 201);
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        record(DILIGENT_ORG).at("/projectFailures/0/status").asString()).isEqualTo("EXEMPTED"));
    JsonNode exempted = record(DILIGENT_ORG);
    assertThat(exempted.get("flags").findValuesAsString("name")).doesNotContain("failed-or-terminated-project");
    assertThat(exempted.get("onHold").asBoolean()).isFalse();
    // the assessment is made once
    assertThat(steps.call("POST", MILESTONE, "/projects/" + diligent + "/diligence-assessments", PM, Map.of(
        "diligent", false, "misconduct", false, "explanation", "改判")).status()).isEqualTo(409);

    String negligent = generalProject(NEGLIGENT_ORG, "智能网联测试平台", 90_000_000L)[1];
    terminate(negligent, "项目组长期未开展研究工作");
    awaitFailureRecorded(NEGLIGENT_ORG, negligent);
    expect(steps.call("POST", MILESTONE, "/projects/" + negligent + "/diligence-assessments", PM, Map.of(
        "diligent", false, "misconduct", false, "explanation", "团队未按任务书组织研究，多次督促未整改")), 201);
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        record(NEGLIGENT_ORG).get("flags").findValuesAsString("name")).contains("failed-or-terminated-project"));
    assertThat(record(NEGLIGENT_ORG).at("/projectFailures/0/status").asString()).isEqualTo("FLAGGED");
    System.out.printf("[lifecycle] 尽职免责: %s terminated, assessed diligent -> EXEMPTED, no flag; %s terminated, "
        + "not diligent -> PROJECT_FAILED flag%n", diligent, negligent);
  }

  // ================================================================== point 4: 追回

  @Test
  void aConfirmedMisconductOpensOneRecoveryOrderForWhatWasPaidAndTheHoldLiftsWhenItIsRepaidUnderFourEyes() {
    String org = RECOVERY_ORG;
    String projectId = generalProject(org, "生物基可降解包装材料", 123_456_789L)[1];
    JsonNode advance = steps.awaitDisbursements(projectId, 1).get(0);
    JsonNode paid = steps.prepareAndRelease(advance.get("id").asString(), "津南财拨-ADV-" + projectId);
    long paidFen = paid.get("amountFen").asLong();
    assertThat(paidFen).isEqualTo(74_074_073L); // HALF_UP(123,456,789 x 60 %)

    // the project is terminated and the program manager finds misconduct: PROJECT_FAILED (HIGH)
    terminate(projectId, "经查项目组伪造阶段性检测数据");
    awaitFailureRecorded(org, projectId);
    expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/diligence-assessments", PM, Map.of(
        "diligent", false, "misconduct", true, "explanation", "伪造第三方检测报告")), 201);
    AtomicReference<String> flagId = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode flag = null;
      for (JsonNode f : record(org).get("flags")) {
        if (f.at("/rule/name").asString().equals("failed-or-terminated-project")) {
          flag = f;
        }
      }
      assertThat(flag).isNotNull();
      flagId.set(flag.get("flagId").asString());
    });

    // the integrity officer confirms the case with misconduct about the project
    String caseId = expect(steps.call("POST", INTEGRITY, "/cases", INTEGRITY_OFFICER,
        Map.of("flagIds", List.of(flagId.get()), "note", "核查检测数据真实性")), 201).get("caseId").asString();
    expect(steps.call("POST", INTEGRITY, "/cases/" + caseId + "/investigation", INTEGRITY_OFFICER,
        Map.of("note", "调取原始检测记录")), 200);
    expect(steps.call("POST", INTEGRITY, "/cases/" + caseId + "/decision", INTEGRITY_OFFICER, Map.of(
        "decision", "CONFIRMED", "reason", "伪造检测数据属实，追回已拨资金", "placeHold", false,
        "misconduct", true, "projectId", projectId)), 200);

    // post-subsidy opens one recovery order for exactly what was paid; integrity-check holds the organisation
    String recoveryId = "rcv-" + projectId;
    AtomicReference<JsonNode> order = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).until(() -> {
      Response r = steps.call("GET", SUBSIDY, "/recoveries/" + recoveryId, OFFICER, null);
      order.set(r.status() == 200 ? r.json() : null);
      return order.get() != null;
    });
    assertThat(order.get().get("amountFen").asLong()).isEqualTo(paidFen);
    assertThat(order.get().get("status").asString()).isEqualTo("OPEN");
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(record(org).get("onHold").asBoolean()).isTrue());
    // the applicant sees what it owes
    JsonNode owed = expect(steps.call("GET", SUBSIDY, "/recoveries", LifecycleIT.applicant(org), null), 200);
    assertThat(owed.findValuesAsString("recoveryId")).containsExactly(recoveryId);

    // repaid to the fen: recorded by a finance officer, approved by someone else (the recorder may not approve)
    assertThat(steps.call("POST", SUBSIDY, "/recoveries/" + recoveryId + "/record", OFFICER, Map.of(
        "outcome", "REPAID", "repaidFen", paidFen - 1, "paymentReference", "津南财缴-" + projectId,
        "note", "少缴 1 分")).status()).isEqualTo(422);
    expect(steps.call("POST", SUBSIDY, "/recoveries/" + recoveryId + "/record", OFFICER, Map.of(
        "outcome", "REPAID", "repaidFen", paidFen, "paymentReference", "津南财缴-" + projectId,
        "note", "全额缴回国库")), 200);
    JsonNode settled = expect(steps.call("POST", SUBSIDY, "/recoveries/" + recoveryId + "/approval", APPROVER_2,
        null), 200);
    assertThat(settled.get("status").asString()).isEqualTo("REPAID");
    assertThat(settled.get("approvedBy").asString()).isEqualTo("fin-approver-2-li-na");
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(record(org).get("onHold").asBoolean()).isFalse());
    // never recovered twice: one order for the project
    JsonNode all = expect(steps.call("GET", SUBSIDY, "/recoveries", AUDITOR, null), 200);
    assertThat(all.findValuesAsString("projectId").stream().filter(projectId::equals)).hasSize(1);
    System.out.printf("[lifecycle] 追回: %s paid %s, misconduct confirmed (case %s), recovery %s of %s repaid under "
        + "four eyes, hold lifted%n", projectId, yuan(paidFen), caseId, recoveryId, yuan(paidFen));
  }

  // ================================================================== point 5: post-award management

  @Test
  void aSuspensionHoldsThePaymentResumptionRestoresIt_aChangeIsApproved_andTheTerminationReturnsTheUnpaidAwardOnce() {
    String org = MANAGED_ORG;
    long awarded = 123_456_789L;
    String[] ids = generalProject(org, "海水淡化膜组件", awarded);
    String programId = ids[0];
    String projectId = ids[1];
    JsonNode program = expect(steps.call("GET", INTAKE, "/programs/" + programId, PM, null), 200);
    assertThat(program.get("awardedFen").asLong()).isEqualTo(awarded);
    long remainingBefore = program.get("remainingToAwardFen").asLong();

    JsonNode advance = steps.awaitDisbursements(projectId, 1).get(0);
    String advanceId = advance.get("id").asString();
    expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/suspension", PM,
        Map.of("reason", "专项审计期间暂停拨款")), 200);
    steps.awaitDisbursement(advanceId, d -> d.get("status").asString().equals("ON_HOLD"));
    Response refused = steps.call("POST", SUBSIDY, "/disbursements/" + advanceId + "/preparation", OFFICER, payee());
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/project-suspended");

    expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/resumption", PM,
        Map.of("reason", "审计未发现问题")), 200);
    steps.awaitDisbursement(advanceId, d -> d.get("status").asString().equals("CREATED"));
    long paidFen = steps.prepareAndRelease(advanceId, "津南财拨-ADV-" + projectId).get("amountFen").asLong();
    assertThat(paidFen).isEqualTo(74_074_073L);

    // the applicant asks for a later due date; the program manager approves it; the history keeps both
    JsonNode detail = expect(steps.call("GET", MILESTONE, "/projects/" + projectId, PM, null), 200);
    String milestoneId = detail.at("/milestones/0/milestoneId").asString();
    JsonNode change = expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/change-requests",
        LifecycleIT.applicant(org), Map.of("kind", "MILESTONE_DUE_DATE", "milestoneId", milestoneId,
            "newDueDate", "2029-03-31", "justification", "中试设备到货延迟")), 201);
    String changeId = change.get("changeRequestId").asString();
    expect(steps.call("POST", MILESTONE, "/projects/" + projectId + "/change-requests/" + changeId + "/decision", PM,
        Map.of("approve", true, "reason", "理由充分")), 200);
    JsonNode history = expect(steps.call("GET", MILESTONE, "/projects/" + projectId + "/history",
        LifecycleIT.applicant(org), null), 200);
    assertThat(history.get("history").findValuesAsString("action")).containsSubsequence("SUSPENDED", "RESUMED",
        "CHANGE_REQUESTED", "CHANGE_APPROVED");
    assertThat(expect(steps.call("GET", MILESTONE, "/projects/" + projectId, PM, null), 200)
        .at("/milestones/0/dueDate").asString()).isEqualTo("2029-03-31");

    // the termination gives back exactly what was not paid, once
    terminate(projectId, "承担单位主动申请终止");
    long remainder = awarded - paidFen;
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
        expect(steps.call("GET", INTAKE, "/programs/" + programId, PM, null), 200).get("awardedFen").asLong())
        .isEqualTo(awarded - remainder));
    JsonNode after = expect(steps.call("GET", INTAKE, "/programs/" + programId, PM, null), 200);
    assertThat(after.get("remainingToAwardFen").asLong()).isEqualTo(remainingBefore + remainder);
    // nothing further comes back later (one return per project, whatever is redelivered)
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        expect(steps.call("GET", INTAKE, "/programs/" + programId, PM, null), 200).get("awardedFen").asLong())
        .isEqualTo(paidFen));
    System.out.printf("[lifecycle] post-award: %s suspended (payment ON_HOLD, preparation refused), resumed, %s paid, "
        + "due date changed, terminated: %s returned to %s once%n", projectId, yuan(paidFen), yuan(remainder), programId);
  }
}
