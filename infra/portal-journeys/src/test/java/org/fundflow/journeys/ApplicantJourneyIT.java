package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An applicant's journey through the portal in a real Chromium: logs in at the provider's page (Chinese), sees the
 * open programs and challenges, its proposals and one proposal, gets a not-found page for another organisation's
 * proposal, switches to English, logs out and in again (English is remembered), and keeps a working dashboard while
 * milestone-review is down. Every page: a screenshot under target/journeys/ (wide and narrow) and axe-core with 0
 * serious or critical violations.
 */
@org.junit.jupiter.api.Order(1)
@org.junit.jupiter.api.extension.ExtendWith(FailureEvidence.class)
class ApplicantJourneyIT {

  static final Path CHROMIUM = Path.of(System.getProperty("fundflow.chromium", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target", "journeys");
  static final String APPLICANT_ORG = "91120112MNH91HTMX6";
  static final String OTHER_ORG = "9112000089F2XW550E";

  static PortalStack stack;
  static Playwright playwright;
  static Browser browser;
  static String programName;
  static String challengeTitle;
  static String ownProposal;
  static String otherProposal;

  final PageChecks pages = new PageChecks();

  static final String NO_CHROMIUM = "browser journeys skipped: no Chromium at " + CHROMIUM
      + ". Install it with: apt-get install -y chromium fonts-noto-cjk (Debian's package; Playwright never downloads one)";

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      System.err.println(NO_CHROMIUM);
      return; // each journey then reports itself skipped, with the message (nothing is started)
    }
    Files.createDirectories(SHOTS);
    stack = PortalStack.get();
    seed();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** What a program manager and two applicants did before: an open CHALLENGE program with a challenge, two drafts. */
  static void seed() {
    String intake = stack.services.get("project-intake").url();
    String manager = stack.token("program-manager");
    Instant now = Instant.now();
    programName = "2026年度津南区揭榜挂帅重大科技专项 " + UUID.randomUUID().toString().substring(0, 4);
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", programName);
    program.put("kind", "CHALLENGE");
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("budgetFen", 5_000_000_000L);
    program.put("perProjectCapFen", 300_000_000L);
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS).toString()));
    String programId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", manager, null, 200);
    challengeTitle = "新能源汽车驱动电机用高矫顽力无重稀土永磁材料";
    String challengeId = Http.post(intake + "/programs/" + programId + "/challenges", manager, Map.of(
        "postingOrganisationCode", "91120000225WJEN76U", "postingOrganisationName", "天津津南汽车零部件股份有限公司",
        "title", challengeTitle, "problem", "驱动电机在180℃工况下退磁严重，现有钕铁硼磁体依赖镝、铽等重稀土。",
        "targetIndicators", List.of("内禀矫顽力 ≥ 20 kOe（20℃）", "重稀土含量 ≤ 0.5 wt%"),
        "maxFundingFen", 300_000_000L, "deadlineDate", "2027-12-31"), 201).get("id").asString();
    ownProposal = draft(intake, "applicant", programId, challengeId, APPLICANT_ORG, "晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术",
        "11010819841203824X");
    otherProposal = draft(intake, "applicant2", programId, challengeId, OTHER_ORG, "高温永磁电机可靠性验证平台",
        "120101196310216525");
  }

  static String draft(String intake, String user, String programId, String challengeId, String org, String title,
      String piId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("challengeId", challengeId);
    body.put("title", title);
    body.put("abstract", "研究晶界扩散与细晶化协同的无重稀土钕铁硼制备工艺，建立中试线并完成电机台架验证。");
    body.put("requestedAmountFen", 123_456_789L);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", 100_000_000L),
        Map.of("category", "材料费", "amountFen", 23_456_789L)));
    body.put("principalInvestigator", Map.of("nationalId", piId, "name", "王海燕", "organisationCode", org));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "小批量样品制备", "deliverables", List.of("工艺规程"), "dueDate", "2027-06-30", "tranchePercent", 30),
        Map.of("sequence", 2, "title", "中试线建设", "deliverables", List.of("验收报告"), "dueDate", "2027-12-31", "tranchePercent", 30),
        Map.of("sequence", 3, "title", "电机台架验证", "deliverables", List.of("测试报告"), "dueDate", "2028-12-31", "tranchePercent", 40)));
    return Http.post(intake + "/proposals", stack.token(user), body, 201).get("id").asString();
  }

  @Test
  void anApplicantLogsInInChineseSeesProgramsAndProposalsSwitchesToEnglishAndKeepsWorkingWhenAServiceIsDown() {
    Assumptions.assumeTrue(browser != null, NO_CHROMIUM);
    String portal = stack.portal.url();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900))) {
      Page page = context.newPage();
      List<String> consoleErrors = new ArrayList<>();
      String notFoundUrl = portal + "/applicant/proposals/" + otherProposal;
      page.onConsoleMessage(m -> {
        // the not-found page's own 404 is the answer we ask for; anything else (a CSP violation, a missing file) is not
        if ("error".equals(m.type()) && !m.location().startsWith(notFoundUrl)) {
          consoleErrors.add(m.text() + " at " + m.location());
        }
      });

      page.navigate(portal + "/applicant");
      assertThat(page).hasURL(portal + "/login");
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      check(page, "01-login-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
      assertThat(page.locator("h1")).containsText("选择演示用户登录");
      check(page, "02-provider-login");

      page.locator("button[data-user='applicant']").click();
      assertThat(page).hasURL(portal + "/applicant");
      assertThat(page.locator("h1")).hasText("我的工作台");
      assertThat(page.locator("main")).containsText(APPLICANT_ORG);
      check(page, "03-dashboard-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("科技计划与榜单").setExact(true)).first().click();
      assertThat(page.locator("main")).containsText(programName);
      assertThat(page.locator("main")).containsText(challengeTitle);
      assertThat(page.locator("main")).containsText("¥50,000,000.00");
      assertThat(page.locator("main")).containsText("¥3,000,000.00");
      assertThat(page.locator("main")).containsText("还剩 30 天");
      check(page, "04-programs-zh");

      page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("我的申报")).click();
      assertThat(page.locator("main")).containsText("晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术");
      assertThat(page.locator("main")).not().containsText("高温永磁电机可靠性验证平台");
      check(page, "05-proposals-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术")).click();
      assertThat(page.locator("h1")).hasText("晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术");
      assertThat(page.locator("main")).containsText("¥1,234,567.89");
      assertThat(page.locator("main")).not().containsText("11010819841203824X");
      check(page, "06-proposal-zh");

      Response other = page.navigate(portal + "/applicant/proposals/" + otherProposal);
      assertThat(other.status()).isEqualTo(404);
      assertThat(page.locator("h1")).hasText("未找到该页面或记录");
      assertThat(page.locator("body")).not().containsText("高温永磁电机可靠性验证平台");
      check(page, "07-other-organisation-not-found-zh");

      page.navigate(portal + "/applicant/programs");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("h1")).hasText("Programs and challenges");
      assertThat(page.locator("main")).containsText("30 days");
      check(page, "08-programs-en");

      page.navigate(portal + "/applicant/proposals/" + ownProposal);
      assertThat(page.locator("main")).containsText("Milestone plan");
      check(page, "09-proposal-en");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
      assertThat(page).hasURL(portal + "/login?logout");
      assertThat(page.locator("main")).containsText("You have logged out.");
      check(page, "10-logged-out-en");

      // a new login of the same user: English is remembered (fundflow_portal), the provider asks again who logs in
      page.navigate(portal + "/applicant");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
      page.locator("button[data-user='applicant']").click();
      assertThat(page.locator("h1")).hasText("My dashboard");

      ServiceProcess milestone = stack.services.get("milestone-review");
      milestone.stop(Duration.ofSeconds(20));
      try {
        page.reload();
        assertThat(page.locator("main")).containsText("The milestone review service cannot be reached right now");
        assertThat(page.locator("main")).containsText("晶界扩散无重稀土高矫顽力钕铁硼磁体制备技术");
        check(page, "11-dashboard-milestone-review-down-en");
      } finally {
        // back before the next journey needs it (the next test may run at once and calls it directly)
        milestone.start();
        milestone.awaitReady(Duration.ofMinutes(3));
      }

      page.setViewportSize(390, 844);
      page.navigate(portal + "/applicant/programs");
      check(page, "12-programs-en-narrow");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      check(page, "13-programs-zh-narrow");
      page.navigate(portal + "/applicant/proposals/" + ownProposal);
      check(page, "14-proposal-zh-narrow");

      assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
      assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
    }
  }

  /**
   * The proposal editor in Chinese: the applicant drafts for an open GENERAL program, the milestone plan adds up to
   * 90 % (the page says so while typing, the service refuses it on save, the message stands at the plan), fixes it,
   * attaches a file, accepts the pledge and double-clicks submit: project-intake holds exactly one submitted proposal.
   * After the program manager's award (through the service API) the timeline shows it, and the project shows its
   * milestones and the advance payment. The editor in English and at a narrow width.
   */
  @Test
  void anApplicantDraftsInTheEditorSubmitsOnceAndFollowsTheAwardedProject() {
    Assumptions.assumeTrue(browser != null, NO_CHROMIUM);
    String portal = stack.portal.url();
    String intake = stack.services.get("project-intake").url();
    String manager = stack.token("program-manager");
    Instant now = Instant.now();
    String generalName = "2026年度津南区新材料产业创新专项 " + UUID.randomUUID().toString().substring(0, 4);
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", generalName);
    program.put("kind", "GENERAL");
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("budgetFen", 2_000_000_000L);
    program.put("perProjectCapFen", 200_000_000L);
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(20, ChronoUnit.DAYS).toString()));
    program.put("fundingSplit", Map.of("advancePercent", 30, "balancePercent", 70));
    String generalId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + generalId + "/open", manager, null, 200);
    String title = "高丰度稀土永磁材料晶界调控技术研究 " + UUID.randomUUID().toString().substring(0, 4);

    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900))) {
      Page page = context.newPage();
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          consoleErrors.add(m.text() + " at " + m.location());
        }
      });
      page.navigate(portal + "/applicant/programs");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
      page.locator("button[data-user='applicant']").click();
      assertThat(page).hasURL(portal + "/applicant/programs");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申报“" + generalName + "”")).click();
      assertThat(page.locator("h1")).hasText("新建申报书");

      String[][] plan = {{"小批量样品制备", "工艺规程", "2027-06-30", "30"}, {"中试线建设", "中试验收报告", "2027-12-31", "30"},
          {"电机台架验证", "台架测试报告", "2028-12-31", "30"}};
      Journeys.fillProposal(page, title, plan);
      // checked as the applicant types (the page's script) ...
      assertThat(page.locator("#tranche-total")).hasText("拨款比例合计 90%，须为 100%。");
      check(page, "20-editor-90-percent-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
      // ... and again by the service, whose refusal stands at the plan, in Chinese
      assertThat(page.locator("#err-milestones")).hasText("里程碑拨款比例合计必须为 100%。");
      assertThat(page.locator("[name='principalInvestigator.nationalId']")).hasValue("");
      assertThat(page.locator("body")).not().containsText("11010819841203824X");
      check(page, "21-editor-refused-by-service-zh");

      page.locator("[name='milestones[2].tranchePercent']").fill("40");
      assertThat(page.locator("#tranche-total")).hasText("拨款比例合计 100%，符合要求。");
      page.locator("[name='principalInvestigator.nationalId']").fill("11010819841203824X");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
      assertThat(page.locator("main")).containsText("草稿已保存。");
      assertThat(page.locator("main")).containsText("1101**********824X");
      assertThat(page.locator("[name='principalInvestigator.nationalId']")).hasValue("");

      page.getByLabel("选择文件").setInputFiles(new com.microsoft.playwright.options.FilePayload("可行性研究报告.pdf",
          "application/pdf", ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传")).click();
      assertThat(page.locator("#files")).containsText("可行性研究报告.pdf");
      check(page, "22-editor-saved-with-file-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("确认承诺并提交")).last().click();
      assertThat(page.locator("h1")).hasText("科研诚信承诺与提交");
      assertThat(page.locator("main")).containsText("科研诚信承诺书");
      page.getByLabel("我已阅读并接受上述科研诚信承诺").check();
      check(page, "23-pledge-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受承诺并提交")).dblclick();
      assertThat(page.locator("main")).containsText("申报书已提交。");
      assertThat(page.locator("h1")).hasText(title);
      check(page, "24-submitted-timeline-zh");

      // exactly one submission, as the service holds it
      String applicant = stack.token("applicant");
      var mine = Http.get(intake + "/proposals?programId=" + generalId + "&limit=100", applicant).get("items");
      assertThat(mine.size()).isEqualTo(1);
      assertThat(mine.get(0).get("status").asString()).isEqualTo("SUBMITTED");
      assertThat(mine.get(0).get("requestedAmountFen").asLong()).isEqualTo(100_000_000L);
      String proposalId = mine.get(0).get("id").asString();

      // the program manager's decision, made through the service (its pages are built elsewhere)
      Http.post(intake + "/proposals/" + proposalId + "/screen", manager, null, 200);
      Http.post(intake + "/proposals/" + proposalId + "/review", manager, null, 200);
      String projectId = Http.post(intake + "/proposals/" + proposalId + "/award", manager,
          Map.of("amountFen", 90_000_000L), 200).get("projectId").asString();
      String milestone = stack.services.get("milestone-review").url();
      String subsidy = stack.services.get("post-subsidy").url();
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
        try {
          Http.get(milestone + "/projects/" + projectId, applicant);
          return Http.get(subsidy + "/disbursements?projectId=" + projectId, applicant).get("count").asLong() == 1;
        } catch (IllegalStateException notYet) {
          return false;
        }
      });

      page.reload();
      assertThat(page.locator(".timeline")).containsText("立项资助");
      assertThat(page.locator("main")).containsText("¥900,000.00");
      check(page, "25-awarded-timeline-zh");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看立项后的项目")).click();
      assertThat(page.locator("h1")).hasText(title);
      // a GENERAL project has one final acceptance (100 %), due at the end of the applicant's plan (milestone-review)
      assertThat(page.locator("main")).containsText("结题验收");
      assertThat(page.locator("main")).containsText("2028-12-31");
      assertThat(page.locator("main")).containsText("100%");
      assertThat(page.locator("main")).containsText("预拨款");
      assertThat(page.locator("main")).containsText("¥270,000.00");
      check(page, "26-project-payments-zh");
      // issue 15 point 7: evidence uploaded to the due milestone, named by the report, then shown with who/when/version
      page.locator("#evidence").getByLabel("选择文件").setInputFiles(new com.microsoft.playwright.options.FilePayload(
          "结题检测报告.pdf", "application/pdf", ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      page.locator("#evidence").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上传")).click();
      assertThat(page.locator("#evidence")).containsText("结题检测报告.pdf");
      assertThat(page.getByLabel("结题检测报告.pdf", new Page.GetByLabelOptions().setExact(true))).isChecked();
      check(page, "26a-report-evidence-zh");
      // the final acceptance names the plan's deliverables: the applicant ticks those completed (all of them here)
      Locator done = page.locator("form[action$='/reports'] input[type=checkbox]");
      for (int i = 0; i < done.count(); i++) {
        done.nth(i).check();
      }
      page.locator("#spendingToDate").fill("120,000.00");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交报告")).click();
      assertThat(page.locator("main")).containsText("里程碑报告已提交。");
      assertThat(page.locator(".report-files")).containsText("结题检测报告.pdf");
      assertThat(page.locator(".report-files")).containsText("第 1 版");
      check(page, "26b-report-files-zh");
      page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("我的项目")).click();
      assertThat(page.locator("main")).containsText(title);
      check(page, "27-projects-zh");

      page.navigate(portal + "/applicant/projects/" + projectId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("main")).containsText("Advance");
      check(page, "28-project-en");
      page.navigate(portal + "/applicant/proposals/new?programId=" + generalId);
      assertThat(page.locator("h1")).hasText("New proposal");
      check(page, "29-editor-en");
      page.setViewportSize(390, 844);
      check(page, "30-editor-en-narrow");
      page.navigate(portal + "/applicant/projects/" + projectId);
      check(page, "31-project-en-narrow");
      // the language is remembered for the user: leave it as the other journey expects it (Chinese)
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");

      assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
      assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
    }
  }

  private void check(Page page, String name) {
    pages.check(page, name);
  }
}
