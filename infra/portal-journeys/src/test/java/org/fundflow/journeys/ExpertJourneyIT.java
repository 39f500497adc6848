package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import tools.jackson.databind.JsonNode;

/**
 * Experts at work in a real Chromium (issue 16 point 1). Set up through the services' APIs (as the applicant and the
 * program manager would have done on their pages): a CHALLENGE program, an awarded proposal, a milestone report with
 * an evidence PDF, a panel of expert1, expert2, expert3. Then, through the portal's pages: expert1 (Chinese) finds the
 * report in its inbox, sees only the 回避 declaration until it declares no conflict, opens the report, downloads the
 * evidence (same bytes, same file name), scores with the live total, is refused an out-of-range score next to the
 * field, corrects its score; expert2 declares a conflict and leaves the panel; the program manager's notifications
 * say so. After the replacement and the others have scored (APIs), expert1 sees the decision with its explanation, in
 * English. Every page: a screenshot under target/journeys/ and axe-core with 0 serious or critical violations.
 *
 * <p>The devstack's demo experts (OIDC demo users with role EXPERT): expert1 Prof. Chen Jie, expert2 Dr. Liu Yang,
 * expert3 Prof. Sun Lei, expert4 Dr. Zhou Ning, expert5 Ma Lin.
 */
@org.junit.jupiter.api.Order(2)
class ExpertJourneyIT extends BrowserJourney {

  static final String APPLICANT_ORG = ApplicantJourneyIT.APPLICANT_ORG;
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  static final String EVIDENCE_NAME = "工艺规程-样品检测报告.pdf";

  @Test
  void expertsDeclareReadTheEvidenceScoreWithALiveTotalCorrectAndOneLeavesThePanel() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String title = "晶界扩散无重稀土永磁中试 " + UUID.randomUUID().toString().substring(0, 4);
    Seeded s = seed(title);

    List<String> consoleErrors = new ArrayList<>();
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);

      // ---- expert1 logs in (Chinese) and finds the report in its inbox
      Journeys.login(page, portal, "expert1");
      assertThat(page).hasURL(portal + "/expert");
      assertThat(page.locator("h1")).hasText("我的评审任务");
      Locator row = page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title));
      assertThat(row).containsText("回避声明");
      check(page, "e01-assignments-zh");

      // ---- the declaration first: nothing of the report before it
      row.getByRole(AriaRole.LINK).click();
      assertThat(page.locator("h1")).hasText("回避声明");
      assertThat(page.locator("main")).not().containsText("佐证材料");
      assertThat(page.locator("main")).not().containsText(EVIDENCE_NAME);
      check(page, "e02-declaration-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();
      assertThat(page.locator("#conflict-error")).containsText("请选择是否存在利益冲突");
      check(page, "e03-declaration-no-choice-zh");
      page.getByLabel("本人与该项目不存在利益冲突，同意参加评审").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();

      // ---- the report with its evidence; the download keeps the file's name and bytes
      assertThat(page.locator("main")).containsText("佐证材料");
      assertThat(page.locator("main")).containsText("Process specification");
      assertThat(page.locator("main")).containsText("¥300,000.00");
      check(page, "e04-report-zh");
      Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
          new Page.GetByRoleOptions().setName("下载佐证材料 " + EVIDENCE_NAME)).click());
      assertThat(download.suggestedFilename()).isEqualTo(EVIDENCE_NAME);
      assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);

      // ---- the rubric with its live total (static/js/rubric.js) and a comment per criterion
      Locator total = page.locator("output[data-score-total]");
      page.getByLabel("分值（0 至 40）").fill("35");
      page.getByLabel("分值（0 至 30）").fill("25");
      assertThat(total).hasText("60");
      page.getByLabel("分值（0 至 20）").fill("18");
      page.getByLabel("分值（0 至 10）").fill("8");
      assertThat(total).hasText("86");
      page.locator("#deliverablesComment").fill("样品与工艺规程齐全，检测数据可复核。");
      page.locator("#technicalQualityComment").fill("矫顽力达到指标，重稀土含量待中试验证。");
      page.locator("#budgetExecutionComment").fill("支出与预算基本一致。");
      page.locator("#managementComment").fill("进度管理规范。");
      page.getByLabel("通过", new Page.GetByLabelOptions().setExact(true)).check();
      check(page, "e05-rubric-filled-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评分")).click();
      assertThat(page.locator("main .notice-ok")).containsText("评分已保存");
      assertThat(page.locator("#management")).hasValue("8");
      assertThat(page.locator("#managementComment")).hasValue("进度管理规范。");
      check(page, "e06-scored-zh");

      // ---- out of range: the service's refusal next to the field, what was typed kept
      page.getByLabel("分值（0 至 30）").fill("31");
      assertThat(total).hasText("?");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交修改后的评分")).click();
      assertThat(page.locator("#technicalQuality-error")).containsText("请填写 0 至 30 之间的整数分值");
      assertThat(page.locator("#technicalQuality")).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("#technicalQuality")).hasValue("31");
      check(page, "e07-score-field-error-zh");

      // ---- the correction
      page.getByLabel("分值（0 至 30）").fill("26");
      page.getByLabel("分值（0 至 10）").fill("9");
      assertThat(total).hasText("88");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交修改后的评分")).click();
      assertThat(page.locator("main .notice-ok")).containsText("评分已保存");
      check(page, "e08-corrected-zh");
      JsonNode mine = Http.get(s.milestone + "/projects/" + s.projectId + "/reports/" + s.reportId,
          stack.token("expert1")).get("myEvaluation");
      assertThat(mine.get("total").asInt()).isEqualTo(88);
      assertThat(mine.get("comments").asString()).contains("[management]\n进度管理规范。");
    }

    // ---- expert2 declares a conflict and leaves the panel
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "expert2");
      Locator row = page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title));
      row.getByRole(AriaRole.LINK).click();
      assertThat(page.locator("h1")).hasText("回避声明");
      page.getByLabel("本人存在利益冲突，申请回避并退出评审组").check();
      page.getByLabel("回避理由（声明回避时填写）").fill("近三年与项目承担单位有合作研究。");
      check(page, "e09-declaring-conflict-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();
      assertThat(page).hasURL(portal + "/expert?left=" + s.reportId);
      assertThat(page.locator("main .notice-ok")).containsText("您已声明回避并退出该评审组");
      assertThat(page.locator("main")).not().containsText(title);
      check(page, "e10-left-the-panel-zh");
      // an old link to the report: a clear page, not a generic not-found, and nothing of the report
      page.navigate(portal + "/expert/projects/" + s.projectId + "/reports/" + s.reportId);
      assertThat(page.locator("h1")).hasText("您已声明回避");
      assertThat(page.locator("main")).containsText("小批量样品制备");
      assertThat(page.locator("main")).not().containsText("佐证材料");
      check(page, "e10b-recused-old-link-zh");
    }

    // ---- the program manager is told (its notifications, from the expert-recused event)
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "program-manager");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        page.navigate(portal + "/notifications");
        assertThat(page.locator("main").textContent()).contains("专家 expert2 声明与项目 " + s.projectId);
      });
      check(page, "e11-manager-told-zh");
      page.navigate(portal + "/manager/projects/" + s.projectId + "/reports/" + s.reportId);
      assertThat(page.locator("main")).containsText("近三年与项目承担单位有合作研究。");
      check(page, "e12-manager-report-recusal-zh");
    }

    // ---- the seat filled again and the others score (their pages are the same as expert1's): the decision
    String manager = stack.token("program-manager");
    Http.post(s.milestone + "/projects/" + s.projectId + "/reports/" + s.reportId + "/panel/experts", manager,
        Map.of("expertId", "expert4"), 200);
    for (String expert : List.of("expert3", "expert4")) {
      String token = stack.token(expert);
      Http.post(s.milestone + "/projects/" + s.projectId + "/reports/" + s.reportId + "/declaration", token,
          Map.of("conflict", false), 200);
      ManagerJourneyIT.send("PUT", s.milestone + "/projects/" + s.projectId + "/reports/" + s.reportId + "/evaluation",
          token, Map.of("deliverables", 36, "technicalQuality", 25, "budgetExecution", 17, "management", 8,
              "recommendation", "PASSED", "comments", "符合要求"), 200);
    }

    // ---- expert1 sees the decision with its explanation and the panel's scores, in English
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "expert1");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("h1")).hasText("My review assignments");
      check(page, "e13-assignments-en");
      // the milestone by its name as milestone-review knows it, not its internal id
      Locator decided = page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title));
      assertThat(decided).containsText("小批量样品制备 (submission 1)");
      assertThat(decided).not().containsText(s.projectId + "-m1");
      decided.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See the decision")).click();
      assertThat(page.locator("h1")).hasText(title + " · 小批量样品制备 (submission 1)");
      assertThat(page.locator("main")).containsText("Decision and its explanation");
      assertThat(page.locator("main")).containsText("Passed");
      assertThat(page.locator("main table").last()).containsText("expert3");
      assertThat(page.locator("main table").last()).containsText("expert4");
      assertThat(page.locator("form[data-rubric]")).hasCount(0);
      check(page, "e14-decided-report-en");
      // the language is remembered for the user: leave it as the other journeys expect it (Chinese)
      Journeys.backToChinese(page);
    }

    assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
    assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
  }

  record Seeded(String milestone, String projectId, String reportId) {}

  /** Program, challenge, proposal, award, a report with an evidence PDF, a panel of expert1..3 (services' APIs). */
  static Seeded seed(String title) throws Exception {
    String intake = stack.services.get("project-intake").url();
    String milestone = stack.services.get("milestone-review").url();
    String manager = stack.token("program-manager");
    String applicant = stack.token("applicant");
    ManagerJourneyIT.registerExperts(stack);
    Instant now = Instant.now();
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", "揭榜挂帅专家评审演示 " + UUID.randomUUID().toString().substring(0, 4));
    program.put("kind", "CHALLENGE");
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("budgetFen", 5_000_000_000L);
    program.put("perProjectCapFen", 300_000_000L);
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    String programId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", manager, null, 200);
    String challengeId = Http.post(intake + "/programs/" + programId + "/challenges", manager, Map.of(
        "postingOrganisationCode", "91120000225WJEN76U", "postingOrganisationName", "天津津南汽车零部件股份有限公司",
        "title", "高矫顽力无重稀土永磁材料", "problem", "驱动电机在180℃工况下退磁严重。",
        "targetIndicators", List.of("内禀矫顽力 ≥ 20 kOe（20℃）"), "maxFundingFen", 300_000_000L,
        "deadlineDate", "2027-12-31"), 201).get("id").asString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("challengeId", challengeId);
    body.put("title", title);
    body.put("abstract", "研究晶界扩散与细晶化协同的无重稀土钕铁硼制备工艺。");
    body.put("requestedAmountFen", 100_000_000L);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", 100_000_000L)));
    body.put("principalInvestigator", Map.of("nationalId", "11010819841203824X", "name", "王海燕",
        "organisationCode", APPLICANT_ORG));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "小批量样品制备", "deliverables", List.of("Process specification"),
            "dueDate", "2027-06-30", "tranchePercent", 30),
        Map.of("sequence", 2, "title", "电机台架验证", "deliverables", List.of("测试报告"), "dueDate", "2028-12-31",
            "tranchePercent", 70)));
    String proposalId = Http.post(intake + "/proposals", applicant, body, 201).get("id").asString();
    Http.post(intake + "/proposals/" + proposalId + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "2026-1")), 200,
        Map.of("Idempotency-Key", "expert-journey-" + proposalId));
    Http.post(intake + "/proposals/" + proposalId + "/screen", manager, null, 200);
    Http.post(intake + "/proposals/" + proposalId + "/review", manager, null, 200);
    String projectId = Http.post(intake + "/proposals/" + proposalId + "/award", manager,
        Map.of("amountFen", 100_000_000L), 200).get("projectId").asString();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
        ManagerJourneyIT.status("GET", milestone + "/projects/" + projectId, manager) == 200);
    String milestoneId = projectId + "-m1";
    String fileId = upload(milestone + "/projects/" + projectId + "/milestones/" + milestoneId + "/evidence", applicant)
        .get("fileId").asString();
    String reportId = Http.post(milestone + "/projects/" + projectId + "/reports", applicant, Map.of(
        "milestoneId", milestoneId, "deliverablesMet", List.of("Process specification"),
        "evidence", List.of(), "spendingToDateFen", 30_000_000L, "evidenceFileIds", List.of(fileId)), 201)
        .get("reportId").asString();
    Http.post(milestone + "/projects/" + projectId + "/reports/" + reportId + "/panel", manager,
        Map.of("expertIds", List.of("expert1", "expert2", "expert3")), 200);
    return new Seeded(milestone, projectId, reportId);
  }

  static JsonNode upload(String url, String token) throws Exception {
    String boundary = "----fundflow" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + EVIDENCE_NAME
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(PDF);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return ManagerJourneyIT.expect(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).timeout(Duration.ofSeconds(90)).build(), 201);
  }


}
