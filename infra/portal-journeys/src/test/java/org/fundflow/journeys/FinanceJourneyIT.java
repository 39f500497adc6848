package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Finance staff through the portal in a real Chromium. A GENERAL program's proposal is awarded through the services
 * (as the applicant and the program manager would have), so post-subsidy creates the advance payment. The finance
 * officer (Chinese) finds it in the "to prepare" queue of the program with the service's totals, types an account the
 * service refuses (shown next to the field), then double-clicks "prepare" with a correct one: prepared once, the
 * account shown masked. The finance approver (English) finds it in the "to release" queue and double-clicks
 * "release": released once. The budget page states the six figures of both services to the fen; the payment batch of
 * today is downloaded as CSV and XLSX and its row checked. Every page: a screenshot under target/journeys/ and
 * axe-core with 0 serious or critical violations.
 */
@org.junit.jupiter.api.Order(3)
class FinanceJourneyIT extends BrowserJourney {

  static final String APPLICANT_ORG = ApplicantJourneyIT.APPLICANT_ORG;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String ACCOUNT = "6222 0203 0200 1234 567";

  @Test
  void anOfficerPreparesAnApproverReleasesOnce_theBudgetAddsUp_andTheBatchHoldsThePayment() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String subsidy = stack.services.get("post-subsidy").url();
    String officerToken = stack.token("finance-officer");

    // ---- what others did before: a GENERAL program (30 % advance), a proposal awarded ¥1,000,000.05
    String programId = awardedProgram();
    // the pages name a program by project-intake's name (issue 16: not its id)
    String programName = Http.get(stack.services.get("project-intake").url() + "/programs/" + programId, officerToken)
        .get("name").asString();
    String projectId = awardedProject(programId, 100_000_005L);
    String paymentId = "adv-" + projectId;
    org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      try {
        return Http.get(subsidy + "/disbursements/" + paymentId, officerToken).get("status").asString().equals("CREATED");
      } catch (IllegalStateException notYet) {
        return false;
      }
    });
    // 1,000,000.05 x 30 % = 300,000.015 -> HALF_UP to the fen
    String advance = "¥300,000.02";

    List<String> consoleErrors = new ArrayList<>();
    // ---- the finance officer, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      page.navigate(portal + "/finance", Journeys.firstPage());
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
      page.locator("button[data-user='finance-officer']").click();
      assertThat(page).hasURL(portal + "/finance/queues/prepare");
      page.getByLabel("项目计划").selectOption(programId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
      assertThat(page.locator("#queue-totals")).hasText("共 1 笔，合计 " + advance);
      assertThat(page.locator("main table").first()).containsText(paymentId);
      check(page, "f01-queue-to-prepare-zh");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(paymentId)).click();
      assertThat(page.locator("#payment-status")).hasText("待制单");
      assertThat(page.locator("#payment-amount")).hasText(advance);
      // the service's explanation, said in Chinese from its figures
      assertThat(page.locator("#payment-explanation"))
          .hasText("立项预拨：立项金额 ¥1,000,000.05 × 30% = " + advance + "（按四舍五入保留到分）");
      check(page, "f02-payment-to-prepare-zh");

      // an account the service refuses: its message next to the field, the account not shown back
      page.getByLabel("收款单位名称").fill("天津数智科技有限公司");
      page.getByLabel("开户银行").fill("天津银行津南支行");
      page.getByLabel("银行账号").fill("6222-ABC");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("制单")).click();
      assertThat(page.locator("#accountNumber-error")).hasText("请填写8至32位数字的账号。");
      assertThat(page.getByLabel("银行账号")).hasAttribute("aria-invalid", "true");
      assertThat(page.getByLabel("收款单位名称")).hasValue("天津数智科技有限公司");
      check(page, "f03-prepare-field-error-zh");

      page.getByLabel("银行账号").fill(ACCOUNT);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("制单")).dblclick();
      assertThat(page.locator("#payment-status")).hasText("待支付");
      assertThat(page.locator("#account-masked")).hasText("***************4567");
      assertThat(page.locator("main")).not().containsText(ACCOUNT);
      assertThat(page.locator("main")).not().containsText("6222020302001234567");
      // an officer is never offered the release; correcting the payee stays possible, folded away
      assertThat(page.locator("#release-form")).hasCount(0);
      assertThat(page.locator("#correct-payee")).isVisible();
      assertThat(page.locator("#prepare-form")).isHidden();
      assertThat(page.locator("main ol.timeline")).containsText("收款单位 天津数智科技有限公司，开户银行 天津银行津南支行，账号 ***************4567");
      check(page, "f04-prepared-masked-zh");
    }
    JsonNode prepared = Http.get(subsidy + "/disbursements/" + paymentId, officerToken);
    assertThat(count(prepared.get("history"), "PREPARED")).as("a double click prepares once").isEqualTo(1);

    // ---- the finance approver, in English
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      page.navigate(portal + "/finance");
      assertThat(page).hasURL(portal + "/login");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
      page.locator("button[data-user='finance-approver']").click();
      assertThat(page).hasURL(portal + "/finance/queues/release");
      page.getByLabel("Program").selectOption(programId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
      assertThat(page.locator("#queue-totals")).hasText("1 payments, " + advance + " in total");
      check(page, "f05-queue-to-release-en");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(paymentId)).click();
      assertThat(page.locator("#payment-status")).hasText("To release");
      assertThat(page.locator("#prepare-form")).hasCount(0);
      assertThat(page.locator("#payment-explanation"))
          .hasText("Advance on award: awarded ¥1,000,000.05 × 30% = " + advance + " (rounded half up to the fen)");
      check(page, "f06-payment-to-release-en");
      page.getByLabel("Payment reference").fill("JN-" + projectId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release the payment")).dblclick();
      assertThat(page.locator("#payment-status")).hasText("Released");
      assertThat(page.locator("#payment-reference")).hasText("JN-" + projectId);
      check(page, "f07-released-en");

      // ---- the budget of the program, from both services
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(programName)).click();
      assertThat(page.locator("#figure-budget td").first()).hasText("¥20,000,000.00");
      assertThat(page.locator("#figure-awarded td").first()).hasText("¥1,000,000.05");
      assertThat(page.locator("#figure-paid td").first()).hasText(advance);
      assertThat(page.locator("#figure-reserved td").first()).hasText("¥0.00");
      assertThat(page.locator("#figure-remaining-award td").first()).hasText("¥18,999,999.95");
      assertThat(page.locator("#figure-remaining-pay td").first()).hasText("¥19,699,999.98");
      check(page, "f08-budget-en");

      // ---- the payment batch of today (Beijing), CSV and XLSX
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payment batch")).click();
      String today = LocalDate.now(BEIJING).toString();
      page.getByLabel("From (Beijing date)").fill(today);
      page.getByLabel("To (Beijing date)").fill(today);
      check(page, "f09-export-en");
      Download csvDownload = page.waitForDownload(() ->
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download CSV")).click());
      List<String> rows = List.of(new String(Files.readAllBytes(csvDownload.path()), StandardCharsets.UTF_8)
          .split("\r\n"));
      assertThat(rows.get(0)).startsWith("\uFEFFPayment,Program,");
      List<String> ours = rows.stream().filter(r -> r.startsWith(paymentId + ",")).toList();
      assertThat(ours).hasSize(1);
      assertThat(ours.get(0)).contains("," + programId + ",").contains("," + APPLICANT_ORG + ",")
          .contains(",天津数智科技有限公司,天津银行津南支行,***************4567,300000.02,JN-" + projectId + ",")
          .endsWith(",finance-approver");
      Download xlsxDownload = page.waitForDownload(() ->
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download XLSX")).click());
      try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsxDownload.path()))) {
        Sheet sheet = book.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Amount (yuan)");
        Row row = null;
        for (Row r : sheet) {
          if (r.getRowNum() > 0 && paymentId.equals(r.getCell(0).getStringCellValue())) {
            row = r;
          }
        }
        assertThat(row).as("the payment's row in the XLSX").isNotNull();
        assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(new BigDecimal(row.getCell(7).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP))
            .isEqualByComparingTo("300000.02");
        assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("***************4567");
        assertThat(sheet.getLastRowNum()).as("as many rows as the CSV").isEqualTo(rows.size() - 1);
      }

      // ---- the claims list (none in a GENERAL program) and back in Chinese
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Expenditure claims")).click();
      check(page, "f10-claims-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      page.navigate(portal + "/finance/programs/" + programId + "/budget");
      assertThat(page.locator("#figure-paid td").first()).hasText(advance);
      check(page, "f11-budget-zh");
    }

    // ---- an auditor reads the same pages, in Chinese and in English, and is offered nothing that changes them
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/finance/payments/" + paymentId, "auditor", false);
      assertThat(page.locator("#payment-status")).hasText("已支付");
      assertThat(page.locator("main form")).hasCount(0);
      assertThat(page.locator("nav.main-nav a[href='/finance/queues/release']")).isVisible();
      check(page, "f12-auditor-payment-zh");
      page.navigate(portal + "/finance/queues/prepare?programId=" + programId);
      assertThat(page.locator("#f-program")).hasValue(programId);
      check(page, "f13-auditor-queue-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      page.navigate(portal + "/finance/payments/" + paymentId);
      assertThat(page.locator("#payment-explanation")).containsText("Advance on award");
      assertThat(page.locator("main form")).hasCount(0);
      check(page, "f14-auditor-payment-en");
      Journeys.backToChinese(page);
    }

    JsonNode released = Http.get(subsidy + "/disbursements/" + paymentId, officerToken);
    assertThat(released.get("status").asString()).isEqualTo("RELEASED");
    assertThat(count(released.get("history"), "RELEASED")).as("a double click releases once").isEqualTo(1);
    assertThat(Http.get(subsidy + "/programs/" + programId + "/budget", officerToken).get("paidFen").asLong())
        .isEqualTo(30_000_002L);

    assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
    assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
  }


  static long count(JsonNode history, String to) {
    long n = 0;
    for (JsonNode h : history) {
      if (to.equals(h.get("to").asString())) {
        n++;
      }
    }
    return n;
  }

  /** A GENERAL program, ¥20,000,000.00, 30 % advance, open now. */
  static String awardedProgram() {
    String intake = stack.services.get("project-intake").url();
    String manager = stack.token("program-manager");
    Instant now = Instant.now();
    Map<String, Object> program = new LinkedHashMap<>();
    program.put("name", "2026年度津南区智能制造专项 " + UUID.randomUUID().toString().substring(0, 4));
    program.put("kind", "GENERAL");
    program.put("expertReview", Map.of("required", false)); // awarded right after screening: no 立项评审
    program.put("budgetFen", 2_000_000_000L);
    program.put("perProjectCapFen", 200_000_000L);
    program.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(20, ChronoUnit.DAYS).toString()));
    program.put("fundingSplit", Map.of("advancePercent", 30, "balancePercent", 70));
    String programId = Http.post(intake + "/programs", manager, program, 201).get("id").asString();
    Http.post(intake + "/programs/" + programId + "/open", manager, null, 200);
    return programId;
  }

  /** The applicant submits, the program manager screens, reviews and awards: the project's id. */
  static String awardedProject(String programId, long awardFen) {
    String intake = stack.services.get("project-intake").url();
    String applicant = stack.token("applicant");
    String manager = stack.token("program-manager");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("title", "数控机床主轴热误差补偿技术 " + UUID.randomUUID().toString().substring(0, 4));
    body.put("abstract", "主轴热误差建模与实时补偿，在两家企业的产线上验证。");
    body.put("requestedAmountFen", 123_456_789L);
    body.put("budgetLines", List.of(Map.of("category", "设备费", "amountFen", 100_000_000L),
        Map.of("category", "材料费", "amountFen", 23_456_789L)));
    body.put("principalInvestigator", Map.of("nationalId", "11010819841203824X", "name", "王海燕",
        "organisationCode", APPLICANT_ORG));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "样机", "deliverables", List.of("样机测试报告"), "dueDate", "2027-12-31", "tranchePercent", 40),
        Map.of("sequence", 2, "title", "产线验证", "deliverables", List.of("验证报告"), "dueDate", "2028-12-31", "tranchePercent", 60)));
    String id = Http.post(intake + "/proposals", applicant, body, 201).get("id").asString();
    Http.post(intake + "/proposals/" + id + "/submit", applicant,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "2026-1")), 200, Map.of("Idempotency-Key", "journey-" + id));
    Http.post(intake + "/proposals/" + id + "/screen", manager, null, 200);
    Http.post(intake + "/proposals/" + id + "/review", manager, null, 200);
    return Http.post(intake + "/proposals/" + id + "/award", manager, Map.of("amountFen", awardFen), 200)
        .get("projectId").asString();
  }
}
