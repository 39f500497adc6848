package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 2 in a real Chromium: a replica of project-intake with a public notice of ten minutes (the stack's
 * own makes awards final at once, as the other journeys need) awards the applicant's proposal through the API. A
 * visitor reads the public notice without logging in (Chinese, then English); an expert logs in from it and objects
 * with reasons; the program manager dismisses the objection with a reason on the notice page. Every page a screenshot
 * under target/journeys/notice-* and axe-core with 0 serious or critical violations.
 */
@Order(7)
class PublicNoticeJourneyIT extends BrowserJourney {

  static ServiceProcess noticeReplica;

  @AfterAll
  static void stopReplica() {
    if (noticeReplica != null) {
      ServiceProcess.stopAll(List.of(noticeReplica));
    }
  }

  /** An award under notice (through the replica with the notice): its proposal id. */
  static String awardUnderNotice(String title) {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    noticeReplica = ServiceProcess.of("project-intake", infrastructure.kafkaBootstrapServers(),
        infrastructure.mongoUri(""), ServiceProcess.DEVSTACK_JVM_OPTIONS, Map.of("MALLOC_ARENA_MAX", "2",
            "FUNDFLOW_SECURITY_JWT_PUBLIC_KEY", "", "FUNDFLOW_SECURITY_JWT_JWK_SET_URI", stack.issuer + "/jwks",
            "FUNDFLOW_SECURITY_JWT_ISSUER_URI", stack.issuer, "FUNDFLOW_INTAKE_AWARD_NOTICE_PERIOD", "PT10M"),
        Path.of("target", "journey-logs", "notice-replica"));
    ServiceProcess.startAll(List.of(noticeReplica), Duration.ofSeconds(240));
    String intake = stack.services.get("project-intake").url();
    String manager = stack.token("program-manager");
    Instant now = Instant.now();
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", "公示旅程 一般项目 " + UUID.randomUUID().toString().substring(0, 4));
    program.put("kind", "GENERAL");
    program.put("budgetFen", 500_000_000L);
    program.put("perProjectCapFen", 100_000_000L);
    program.put("fundingSplit", Map.of("advancePercent", 30, "balancePercent", 70));
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    String programId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", manager, null, 200);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", title);
    body.put("abstract", "研究低温共烧工艺，提高氮化铝陶瓷基板热导率。");
    body.put("requestedAmountFen", 60_000_000L);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", 60_000_000L)));
    body.put("principalInvestigator", Map.of("nationalId", "120101196310216525", "name", "孙立",
        "organisationCode", ApplicantJourneyIT.APPLICANT_ORG));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    String applicant = stack.token("applicant");
    String proposalId = Http.post(intake + "/proposals", applicant, body, 201).get("id").asString();
    Http.post(intake + "/proposals/" + proposalId + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "2026-1")), 200,
        Map.of("Idempotency-Key", "notice-journey-" + proposalId));
    Http.post(intake + "/proposals/" + proposalId + "/screen", manager, null, 200);
    Http.post(intake + "/proposals/" + proposalId + "/review", manager, null, 200);
    String status = Http.post(noticeReplica.url() + "/proposals/" + proposalId + "/award", manager,
        Map.of("amountFen", 55_555_500L), 200).get("status").asString();
    assertThat(status).isEqualTo("UNDER_NOTICE");
    return proposalId;
  }

  @Test
  void aVisitorReadsTheNoticeAnExpertObjectsAndTheManagerDismissesTheObjection() {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String title = "氮化铝陶瓷基板低温烧结 " + UUID.randomUUID().toString().substring(0, 4);
    String proposalId = awardUnderNotice(title);
    List<String> consoleErrors = new ArrayList<>();

    try (BrowserContext visitorContext = Journeys.context(browser, "zh-CN");
        BrowserContext managerContext = Journeys.context(browser, "zh-CN")) {
      // ---- a visitor, not logged in
      Page visitor = Journeys.page(visitorContext, consoleErrors);
      visitor.navigate(portal + "/public/notices");
      assertThat(visitor.locator("h1")).hasText("立项公示");
      assertThat(visitor.getByText(title)).isVisible();
      assertThat(visitor.locator("body")).containsText("¥555,555.00");
      check(visitor, "notice-01-public-zh");
      visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(visitor.locator("h1")).hasText("Awards under public notice");
      check(visitor, "notice-02-public-en");
      Journeys.backToChinese(visitor);

      // ---- an expert logs in from the notice and objects
      Journeys.loginAt(visitor, portal, "/notices/" + proposalId + "/objection", "expert1", false);
      assertThat(visitor.locator("h1")).hasText("对立项提出异议");
      check(visitor, "notice-03-objection-form");
      visitor.locator("#reasons").fill("该项目研究内容与本人所知 2025 年已资助项目相同，请核查。");
      visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交异议")).click();
      assertThat(visitor.locator("h1")).hasText("异议已提交");
      check(visitor, "notice-04-lodged");

      // ---- the program manager dismisses it
      Page manager = Journeys.page(managerContext, consoleErrors);
      Journeys.loginAt(manager, portal, "/manager/proposals/" + proposalId + "/notice", "program-manager", false);
      assertThat(manager.locator("h1")).hasText("立项公示与异议");
      assertThat(manager.locator("body")).containsText("2025 年已资助项目相同");
      check(manager, "notice-05-manager");
      manager.getByLabel("异议不成立，维持立项").check();
      manager.getByLabel("处理理由").fill("经核查，两项目研究内容不同。");
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交处理决定")).click();
      assertThat(manager.locator("body")).containsText("异议不成立");
      assertThat(manager.locator("body")).containsText("经核查，两项目研究内容不同。");
      check(manager, "notice-06-decided");
    }
    assertThat(pages.accessibilityProblems).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }
}
