package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 point 4: an auditor in a real Chromium. Through the services' APIs a program is opened, a proposal
 * submitted, screened, reviewed and awarded, and its advance prepared and released. The auditor's dashboards then
 * show that program's budget, awarded and paid amounts exactly, the funnel and this month's payments grown by what was
 * created, and the flags as integrity-check counts them (a dishonesty list names the applicant); the CSV download holds the same figures; the program,
 * proposal and project pages are read without any action offered, and the services refuse an auditor's change.
 * Chinese, English and a narrow window; every page a screenshot under target/journeys/audit-* and axe-core with 0
 * serious or critical violations.
 */
@org.junit.jupiter.api.Order(6)
@org.junit.jupiter.api.extension.ExtendWith(FailureEvidence.class)
class AuditorJourneyIT {

  static final Path CHROMIUM = ApplicantJourneyIT.CHROMIUM;
  static final Path SHOTS = ApplicantJourneyIT.SHOTS;
  static final String MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneId.of("Asia/Shanghai"))
      .format(Instant.now());
  static final long BUDGET_FEN = 1_234_567_891L;
  static final long AWARD_FEN = 50_000_001L;

  static PortalStack stack;
  static Playwright playwright;
  static Browser browser;
  static String programId;
  static String programName;
  static String proposalId;
  static String projectId;
  static long paidFen;
  static JsonNode funnelBefore;
  static long monthBeforeFen;
  static long monthBeforeCount;

  final PageChecks pages = new PageChecks();

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      System.err.println(ApplicantJourneyIT.NO_CHROMIUM);
      return;
    }
    Files.createDirectories(SHOTS);
    stack = PortalStack.get();
    seed();
    playwright = PageChecks.playwright();
    browser = PageChecks.chromium(playwright, CHROMIUM);
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

  /** What the people behind the figures did, through the services' APIs. */
  static void seed() {
    String intake = stack.services.get("project-intake").url();
    String subsidy = stack.services.get("post-subsidy").url();
    String milestone = stack.services.get("milestone-review").url();
    String auditor = stack.token("auditor");
    funnelBefore = Http.get(intake + "/statistics/proposal-funnel", auditor);
    JsonNode month = month(Http.get(subsidy + "/statistics/payments", auditor));
    monthBeforeFen = month == null ? 0 : month.get("amountFen").asLong();
    monthBeforeCount = month == null ? 0 : month.get("count").asLong();

    String manager = stack.token("program-manager");
    Instant now = Instant.now();
    programName = "审计旅程 新材料计划 " + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", programName);
    program.put("kind", "GENERAL");
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("budgetFen", BUDGET_FEN);
    program.put("perProjectCapFen", 200_000_000L);
    program.put("fundingSplit", Map.of("advancePercent", 30, "balancePercent", 70));
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    programId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", manager, null, 200);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", "高强铝合金薄壁件激光焊接变形控制");
    body.put("abstract", "面向轨道交通车体的高强铝合金薄壁结构激光焊接变形预测与控制。");
    body.put("requestedAmountFen", 80_000_000L);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", 80_000_000L)));
    body.put("principalInvestigator", Map.of("nationalId", "120101196310216525", "name", "孙立", "organisationCode",
        "91120112MNH91HTMX6"));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "样机", "deliverables", List.of("样机"), "dueDate", "2027-12-31", "tranchePercent", 50),
        Map.of("sequence", 2, "title", "验证", "deliverables", List.of("报告"), "dueDate", "2028-12-31", "tranchePercent", 50)));
    String applicant = stack.token("applicant");
    proposalId = Http.post(intake + "/proposals", applicant, body, 201).get("id").asString();
    Http.post(intake + "/proposals/" + proposalId + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "2026-1")), 200,
        Map.of("Idempotency-Key", "audit-journey-" + proposalId));
    Http.post(intake + "/proposals/" + proposalId + "/screen", manager, null, 200);
    Http.post(intake + "/proposals/" + proposalId + "/review", manager, null, 200);
    Http.post(intake + "/proposals/" + proposalId + "/award", manager, Map.of("amountFen", AWARD_FEN), 200);
    projectId = Http.get(intake + "/proposals/" + proposalId, manager).get("projectId").asString();

    // the advance: created by post-subsidy from the award event, prepared by one person, released by another
    String officer = stack.token("finance-officer");
    String advance = "adv-" + projectId;
    Awaitility.await("post-subsidy creates the advance").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> Http.get(subsidy + "/disbursements/" + advance, officer).has("id"));
    JsonNode prepared = Http.post(subsidy + "/disbursements/" + advance + "/preparation", officer,
        Map.of("payeeName", "天津津南先进材料有限公司", "bank", "天津银行", "accountNumber", "6222020302001234567"), 200);
    JsonNode released = Http.post(subsidy + "/disbursements/" + advance + "/release", stack.token("finance-approver"),
        Map.of("paymentReference", "AUDIT-" + projectId), 200,
        Map.of("If-Match", "\"" + prepared.get("version").asLong() + "\"", "Idempotency-Key", "audit-" + advance));
    paidFen = released.get("amountFen").asLong();
    // a dishonesty list naming applicant2's organisation, which IntegrityJourneyIT (run before, @Order) had apply and
    // listed already: a flag for the chart, and the applicant organisation that LifecycleJourneyIT (run last) submits
    // for stays free
    String integrity = stack.services.get("integrity-check").url();
    String integrityOfficer = stack.token("integrity-officer");
    String list = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
        + "ORGANISATION," + ApplicantJourneyIT.OTHER_ORG + ",天津海河电机科技有限公司,虚报研发投入,三年内不得申报,天津市科学技术局（审计旅程）,"
        + "《科学技术活动违规行为处理规定》," + java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3) + ",\n";
    Awaitility.await("integrity-check knows the applicant organisation").atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Http.postCsv(integrity + "/dishonesty-list/imports/preview", integrityOfficer, list, 200)
            .get("knownParties").asInt() >= 1);
    Http.postCsv(integrity + "/dishonesty-list/imports", integrityOfficer, list, 200);
    Awaitility.await("integrity-check raises the flag").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(integrity + "/statistics/flags", auditor).get("total").asLong() >= 1);
    Awaitility.await("milestone-review opens the project").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> Http.get(milestone + "/projects/" + projectId, manager).has("projectId"));
  }

  static JsonNode month(JsonNode payments) {
    for (JsonNode m : payments.get("months")) {
      if (MONTH.equals(m.get("month").asString())) {
        return m;
      }
    }
    return null;
  }

  /** As the portal writes money: ¥ and thousands separators, exact to the fen. */
  static String yuan(long fen) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "¥" + format.format(BigDecimal.valueOf(fen).movePointLeft(2));
  }

  static String plainYuan(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
  }

  @Test
  void anAuditorReadsTheDashboardsAndTheirCsv_andThePagesWithoutAnyAction() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String intake = stack.services.get("project-intake").url();
    String auditorToken = stack.token("auditor");
    List<String> consoleErrors = new ArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900).setAcceptDownloads(true))) {
      context.setDefaultTimeout(90_000);
      context.setDefaultNavigationTimeout(90_000);
      Page page = context.newPage();
      page.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          consoleErrors.add(m.text() + " at " + m.location());
        }
      });
      page.navigate(portal + "/");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
      page.locator("button[data-user='auditor']").click();
      // the start page of an auditor is the dashboards
      assertThat(page).hasURL(portal + "/audit");
      assertThat(page.locator("h1")).hasText("统计看板");

      // budget, awarded and paid of the program just created, exactly
      Locator program = page.locator("#table-programs tr[data-program='" + programId + "']");
      assertThat(program).containsText(programName);
      assertThat(program.locator("td").nth(1)).hasText(yuan(BUDGET_FEN));
      assertThat(program.locator("td").nth(2)).hasText(yuan(AWARD_FEN));
      assertThat(program.locator("td").nth(3)).hasText(yuan(paidFen));
      // the funnel grew by the one proposal taken through every stage up to the award
      for (String stage : List.of("submitted", "screened", "reviewed", "awarded")) {
        assertThat(page.locator("#table-funnel tr[data-stage='" + stage + "'] td"))
            .hasText(String.valueOf(funnelBefore.get(stage).asLong() + 1));
      }
      // this month's payments (Beijing time) grew by the advance released
      Locator month = page.locator("#table-payments tr[data-month='" + MONTH + "']");
      assertThat(month.locator("td").nth(0)).hasText(String.valueOf(monthBeforeCount + 1));
      assertThat(month.locator("td").nth(1)).hasText(yuan(monthBeforeFen + paidFen));
      // flags per rule and severity: as integrity-check counts them
      JsonNode flags = Http.get(stack.services.get("integrity-check").url() + "/statistics/flags", auditorToken);
      assertThat(page.locator("#table-flags tbody tr")).hasCount(flags.get("counts").size());
      for (JsonNode c : flags.get("counts")) {
        assertThat(page.locator("#table-flags tr[data-rule='" + c.get("rule").asString() + "'][data-severity='"
            + c.get("severity").asString() + "'] td").last()).hasText(String.valueOf(c.get("count").asLong()));
      }
      // four charts, each an image with a name and a description
      assertThat(page.locator("main svg[role='img']")).hasCount(4);
      assertThat(page.locator("#table-flags tr[data-rule='DISHONESTY_LIST']")).not().hasCount(0);
      assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("申报漏斗"))).hasCount(1);
      assertThat(page.locator("main form")).hasCount(0);
      check(page, "audit-01-dashboards-zh");

      // the CSV of the programs chart: the same figures, in yuan exact to the fen
      Download download = page.waitForDownload(() -> page.locator("a[href='/audit/programs.csv']").click());
      assertThat(download.suggestedFilename()).isEqualTo("programs.csv");
      String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFFprogram_id,name,kind,budget_yuan,awarded_yuan,paid_yuan\r\n")
          .contains(programId + "," + programName + ",GENERAL," + plainYuan(BUDGET_FEN) + "," + plainYuan(AWARD_FEN)
              + "," + plainYuan(paidFen) + "\r\n");
      Download funnelCsv = page.waitForDownload(() -> page.locator("a[href='/audit/funnel.csv']").click());
      assertThat(Files.readString(funnelCsv.path(), StandardCharsets.UTF_8))
          .contains("awarded," + (funnelBefore.get("awarded").asLong() + 1) + "\r\n");
      Download paymentsCsv = page.waitForDownload(() -> page.locator("a[href='/audit/payments.csv']").click());
      assertThat(Files.readString(paymentsCsv.path(), StandardCharsets.UTF_8))
          .contains(MONTH + "," + (monthBeforeCount + 1) + "," + plainYuan(monthBeforeFen + paidFen) + "\r\n");

      // read pages: the program, the proposal and the project with its payment; no action offered
      program.getByRole(AriaRole.LINK).click();
      assertThat(page.locator("h1")).containsText(programName);
      assertThat(page.locator("main")).containsText("只读");
      assertThat(page.locator("main form[method='post']")).hasCount(0);
      assertThat(page.locator("main button")).hasCount(0);
      check(page, "audit-02-program-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申报队列")).click();
      assertThat(page.locator("main")).containsText("高强铝合金薄壁件激光焊接变形控制");
      check(page, "audit-03-queue-zh");

      page.navigate(portal + "/manager/proposals/" + proposalId);
      assertThat(page.locator("main")).containsText("高强铝合金薄壁件激光焊接变形控制");
      assertThat(page.locator("main form")).hasCount(0);
      check(page, "audit-04-proposal-zh");

      page.navigate(portal + "/manager/projects/" + projectId);
      assertThat(page.locator("#project-payments")).containsText(yuan(paidFen));
      assertThat(page.locator("main form")).hasCount(0);
      check(page, "audit-05-project-payments-zh");

      // the manager's forms are not the auditor's, and the service refuses an auditor's change
      assertThat(page.navigate(portal + "/manager/programs/" + programId + "/edit").status()).isEqualTo(403);
      Http.post(intake + "/programs/" + programId + "/close", auditorToken, null, 403);

      // English, then a narrow window
      page.navigate(portal + "/audit");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("h1")).hasText("Dashboards");
      assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Proposal funnel"))).hasCount(1);
      assertThat(page.locator("#table-programs tr[data-program='" + programId + "'] td").nth(3)).hasText(yuan(paidFen));
      check(page, "audit-06-dashboards-en");

      page.setViewportSize(390, 844);
      page.reload();
      check(page, "audit-07-dashboards-en-narrow");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
      check(page, "audit-08-dashboards-zh-narrow");
    }
    assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
    // the only errors allowed: the manager's form opened on purpose (403), and the icon the browser asks for on that
    // plain error page (404 /favicon.ico; the portal's pages link /favicon.svg)
    assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)")
        .allMatch(e -> e.contains("/edit") && e.contains("403") || e.contains("/favicon.ico"));
  }

  private void check(Page page, String name) {
    pages.check(page, name);
  }
}
