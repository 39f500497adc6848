package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
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
 * 立项评审 (issue 17 point 1, issue 16's rubric) through the portal in a real Chromium. A GENERAL program requires
 * the expert review with its default rubric (set through intake's API); an applicant has submitted a proposal. The
 * program manager (Chinese) screens it, sends it to review and forms the review panel of three experts by searching
 * (English for the search, as the milestone panel does); each expert declares no conflict (回避声明) and scores the
 * four criteria — except one who declares a conflict and leaves, whose seat the manager fills from the expert search;
 * the manager sees the panel's progress, the score with its explanation and the program's ranking.
 * Every page: a screenshot and axe-core with 0 serious or critical violations.
 */
@org.junit.jupiter.api.Order(9)
class ReviewJourneyIT extends BrowserJourney {

  @org.junit.jupiter.api.BeforeAll
  static void registerExperts() {
    if (stack != null) {
      ManagerJourneyIT.registerExperts(stack);
    }
  }

  @Test
  void aProposalIsScreenedReviewedByAPanelOfThreeAndRanked() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String intake = stack.services.get("project-intake").url();
    String milestone = stack.services.get("milestone-review").url();
    String suffix = UUID.randomUUID().toString().substring(0, 4);
    String title = "高温合金叶片增材制造工艺 " + suffix;

    Instant now = Instant.now();
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", "2026年度一般项目（立项评审） " + suffix);
    program.put("kind", "GENERAL");
    program.put("budgetFen", 1_000_000_000L);
    program.put("perProjectCapFen", 200_000_000L);
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    program.put("fundingSplit", Map.of("advancePercent", 30, "balancePercent", 70));
    program.put("expertReview", Map.of("required", true));
    String managerToken = stack.token("program-manager");
    String programId = Http.post(intake + "/programs", managerToken, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", managerToken, Map.of(), 200);
    String proposalId = submit(intake, programId, title);

    List<String> consoleErrors = new ArrayList<>();
    // ---- the program manager screens it and sends it to review, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "program-manager");
      page.navigate(portal + "/manager/proposals/" + proposalId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始形式审查")).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交专家评审")).click();
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("立项评审专家组"))).isVisible();
    }
    // milestone-review sets the review up when intake's proposal-screened event arrives
    org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      try {
        return "AWAITING_PANEL".equals(Http.get(milestone + "/proposal-reviews/" + proposalId, managerToken)
            .get("status").asString());
      } catch (IllegalStateException notYet) {
        return false;
      }
    });

    // ---- the program manager forms the panel (searching in English, as a bilingual officer may)
    try (BrowserContext context = Journeys.context(browser, "en-US")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/manager/proposals/" + proposalId + "/panel", "program-manager", true);
      assertThat(page.locator("h1")).hasText("Form the expert review panel");
      Journeys.chooseThreeExperts(page);
      check(page, "rv1-review-panel-choose-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Form the panel with 3 experts")).click();
      assertThat(page.locator("#review-status")).hasText("In review");
      assertThat(page.locator("main table")).containsText("Not yet");
      check(page, "rv2-review-panel-formed-en");
      Journeys.backToChinese(page);
    }

    // ---- expert2 declares a conflict (回避) and leaves; the manager appoints expert4 to the free seat
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "expert2");
      page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title))
          .getByRole(AriaRole.LINK).first().click();
      page.getByLabel("本人存在利益冲突，申请回避并退出评审组").check();
      page.getByLabel("回避理由（声明回避时填写）").fill("近三年与申报单位有合作研究");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();
      assertThat(page.locator("main [role=status]")).containsText("您已声明回避并退出该评审组");
    }
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/manager/proposals/" + proposalId + "/panel", "program-manager", false);
      assertThat(page.locator("#vacant-seats")).containsText("有 1 个席位空缺");
      assertThat(page.locator("main")).containsText("近三年与申报单位有合作研究");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("补选专家")).click();
      page.getByLabel("姓名、专家编号或单位代码").fill("Zhou Ning");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
      check(page, "rv2b-review-seat-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("补选 Dr. Zhou Ning 进入评审组")).click();
      assertThat(page.locator("main table")).containsText("expert4");
      assertThat(page.locator("#vacant-seats")).hasCount(0);
    }

    // ---- each expert on the panel declares no conflict and scores, in Chinese
    int[][] scores = {{36, 27, 18, 9}, {30, 25, 15, 8}, {38, 28, 19, 10}};
    String[] experts = {"expert1", "expert4", "expert3"};
    for (int e = 0; e < experts.length; e++) {
      try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
        Page page = Journeys.page(context, consoleErrors);
        Journeys.login(page, portal, experts[e]);
        page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title))
            .getByRole(AriaRole.LINK).first().click();
        page.getByLabel("本人与该项目不存在利益冲突，同意参加评审").check();
        if (e == 0) {
          check(page, "rv3-review-declaration-zh");
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();
        for (int i = 0; i < 4; i++) {
          page.locator("#score-" + i).fill(String.valueOf(scores[e][i]));
        }
        page.getByLabel("评审意见").fill("技术路线清晰，预算合理。");
        if (e == 0) {
          check(page, "rv4-review-score-zh");
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评分")).click();
        assertThat(page.locator("main")).containsText("已保存");
      }
    }

    // ---- the manager: the panel's result and the program's ranking
    org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
        "REVIEWED".equals(Http.get(milestone + "/proposal-reviews/" + proposalId, managerToken).get("status")
            .asString()));
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/manager/proposals/" + proposalId + "/panel", "program-manager", false);
      assertThat(page.locator("#review-status")).hasText("评审完成");
      assertThat(page.locator("#review-score")).containsText("评审得分");
      check(page, "rv5-review-result-zh");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看本计划的评审排名")).click();
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        if (page.locator("main table").count() > 0 && page.locator("main table").first().innerText().contains(title)) {
          return true;
        }
        page.reload();
        return false;
      });
      assertThat(page.locator("h1")).containsText("立项评审排名");
      check(page, "rv6-ranking-zh");
    }
    assertThat(pages.accessibilityProblems).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }

  /** The applicant's GENERAL proposal, submitted through intake's API with the pledge. */
  static String submit(String intake, String programId, String title) {
    String applicant = stack.token("applicant");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", title);
    body.put("abstract", "Laser powder-bed fusion of a nickel superalloy blade with in-process monitoring.");
    body.put("requestedAmountFen", 150_000_000L);
    body.put("budgetLines", List.of(Map.of("category", "Equipment", "amountFen", 100_000_000L),
        Map.of("category", "Materials", "amountFen", 50_000_000L)));
    body.put("principalInvestigator", Map.of("nationalId", "11010819841203824X", "name", "Wang Haiyan",
        "organisationCode", ApplicantJourneyIT.APPLICANT_ORG));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "Process window", "deliverables", List.of("Process specification"),
            "dueDate", "2027-06-30", "tranchePercent", 30),
        Map.of("sequence", 2, "title", "Blade samples", "deliverables", List.of("Test report"),
            "dueDate", "2028-12-31", "tranchePercent", 70)));
    String id = Http.post(intake + "/proposals", applicant, body, 201).get("id").asString();
    Http.post(intake + "/proposals/" + id + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "2026-1")), 200,
        Map.of("Idempotency-Key", "journey-review-" + id));
    return id;
  }
}
