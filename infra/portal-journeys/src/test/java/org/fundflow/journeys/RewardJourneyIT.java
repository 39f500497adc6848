package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rewards (奖励类, issue 18 point 3) through the portal in a real Chromium. The program manager has opened a REWARD
 * program with its reward table (through intake's API). The enterprise (Chinese) chooses its achievement, sees the
 * program's amount, uploads the certificate, accepts the pledge and submits; a second claim of the same achievement
 * is refused in words. The program manager (English) finds it in the verification queue and verifies it. The finance
 * officer finds the reward payment in the "to prepare" queue with the table's amount. Every page: a screenshot and
 * axe-core with 0 serious or critical violations.
 */
@org.junit.jupiter.api.Order(7)
class RewardJourneyIT extends BrowserJourney {

  @Test
  void anEnterpriseClaimsARewardTheManagerVerifiesIt_andFinanceFindsThePayment() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String intake = stack.services.get("project-intake").url();
    String subsidy = stack.services.get("post-subsidy").url();
    String code = "HT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String name = "国家高新技术企业认定 " + code;

    Instant now = Instant.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "2026年度科技企业认定奖励 " + code);
    body.put("kind", "REWARD");
    body.put("budgetFen", 500_000_000L);
    body.put("perProjectCapFen", 50_000_000L);
    body.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    body.put("rewardTable", Map.of("entries", List.of(Map.of("code", code, "name", name, "amountFen", 20_000_001L))));
    String managerToken = stack.token("program-manager");
    String programId = Http.post(intake + "/programs", managerToken, body, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", managerToken, Map.of(), 200);

    List<String> consoleErrors = new ArrayList<>();
    // ---- the enterprise, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "applicant");
      page.navigate(portal + "/applicant/rewards");
      check(page, "r1-rewards-zh");
      page.getByLabel("认定事项").selectOption(programId + "|" + code);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始申领")).click();
      assertThat(page.locator("h1")).containsText(name);
      assertThat(page.locator("dl.facts")).containsText("¥200,000.01");
      page.locator("#evidence").getByLabel("选择文件").setInputFiles(new FilePayload("高新技术企业证书.pdf",
          "application/pdf", "%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
      page.locator("#evidence").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上传")).click();
      assertThat(page.locator("#evidence")).containsText("高新技术企业证书.pdf");
      check(page, "r2-reward-draft-zh");
      page.getByLabel("我已阅读并接受上述科研诚信承诺").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交奖励申领")).click();
      assertThat(page.locator("main")).containsText("奖励申领已提交，等待项目主管核验。");
      check(page, "r3-reward-submitted-zh");

      page.navigate(portal + "/applicant/rewards");
      page.getByLabel("认定事项").selectOption(programId + "|" + code);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始申领")).click();
      assertThat(page.locator("[role=alert]")).containsText("同一认定只奖励一次");
      check(page, "r4-reward-refused-zh");
    }

    // ---- the program manager, in English
    try (BrowserContext context = Journeys.context(browser, "en-US")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/manager/rewards", "program-manager", true);
      check(page, "r5-reward-queue-en");
      page.locator("a[href='/manager/rewards/rwc-" + ApplicantJourneyIT.APPLICANT_ORG + "-" + code + "']").click();
      assertThat(page.locator("h1")).containsText(name);
      check(page, "r6-reward-claim-en");
      page.getByLabel("Verified (paid at the program's reward)").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
      assertThat(page.locator("main")).containsText("The decision was recorded.");
      Journeys.backToChinese(page);
    }

    String paymentId = "rw-" + ApplicantJourneyIT.APPLICANT_ORG + "-" + code;
    String officerToken = stack.token("finance-officer");
    Journeys.awaitDisbursement(subsidy, officerToken, paymentId, 20_000_001L);
    // ---- the finance officer: the reward in the queue to prepare
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "finance-officer");
      page.navigate(portal + "/finance/queues/prepare?programId=" + programId);
      assertThat(page.locator("main")).containsText("认定奖励");
      assertThat(page.locator("main")).containsText("¥200,000.01");
      check(page, "r7-reward-finance-zh");
    }
    assertThat(pages.accessibilityProblems).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }
}
