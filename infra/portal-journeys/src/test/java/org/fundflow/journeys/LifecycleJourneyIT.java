package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 point 6: the whole lifecycle done by people, through the portal's pages only, in a real Chromium. The
 * program manager (English) creates and opens a GENERAL program (30 % advance, 70 % balance); the applicant (Chinese)
 * drafts and submits a proposal in the editor; the manager screens, reviews and awards it (the advance is created);
 * the applicant reports on the final acceptance from its project page; the manager forms a panel of three experts from
 * the expert list; the three experts (Chinese) declare no conflict and score (the decision: passed, the balance
 * created); the finance officer (Chinese) prepares both payments; the finance approver (English) releases the
 * balance while the applicant's page is open: its unread count in the header goes up over Server-Sent Events, no
 * reload, and the notification says the payment was released. Then an integrity officer (English) imports a
 * dishonesty list naming the applicant's organisation and sees the CRITICAL flag; the advance shows ON_HOLD in the
 * approver's queue; the officer lifts the hold with a reason and the approver releases the advance. The payment
 * batch of today is downloaded as CSV and its rows of the program checked against the released payments.
 *
 * <p>Not through pages: the expert profiles (milestone-review's {@code PUT /experts/{id}}, no page for it), and
 * reads of post-subsidy to check what the pages showed. Every page: a screenshot under target/journeys/lifecycle-*
 * and axe-core with 0 serious or critical violations.
 *
 * <p>Runs after the other journeys of the JVM (they share one stack; the failsafe configuration orders the classes by
 * {@link Order}): the dishonesty-list entry it imports stays in force, and a later submission by the applicant's
 * organisation would be flagged and held.
 */
@Order(Integer.MAX_VALUE)
class LifecycleJourneyIT extends BrowserJourney {

  static final String APPLICANT_ORG = ApplicantJourneyIT.APPLICANT_ORG;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String ACCOUNT = "6217 0002 6000 8765 432";

  @BeforeAll
  static void registerExperts() {
    if (stack != null) {
      ManagerJourneyIT.registerExperts(stack);
    }
  }

  @Test
  void fromTheCallToTheLastPayment_throughThePagesOfEveryoneInvolved() throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String suffix = UUID.randomUUID().toString().substring(0, 4);
    String programName = "Jinnan new materials programme " + suffix;
    String title = "高丰度稀土永磁全流程验证 " + suffix;
    List<String> consoleErrors = new ArrayList<>();

    try (BrowserContext applicantContext = Journeys.context(browser, "zh-CN");
        BrowserContext managerContext = Journeys.context(browser, "zh-CN")) {
      Page manager = Journeys.page(managerContext, consoleErrors);
      Page applicant = Journeys.page(applicantContext, consoleErrors);

      // ---- the program manager (English) creates and opens a GENERAL program
      Journeys.loginAt(manager, portal, "/manager/programs/new?kind=GENERAL", "program-manager", true);
      assertThat(manager.locator("h1")).hasText("New program");
      LocalDateTime now = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
      manager.getByLabel("Program name").fill(programName);
      manager.getByLabel("Total budget (yuan)").fill("20,000,000");
      manager.getByLabel("Cap per project (yuan)").fill("2,000,000");
      manager.getByLabel("Opens").fill(now.minusDays(1).toString());
      manager.getByLabel("Closes").fill(now.plusDays(20).toString());
      manager.getByLabel("Advance (%)").fill("30");
      manager.getByLabel("Balance (%)").fill("70");
      // 立项评审 is on by default for a GENERAL program; this journey awards right after screening
      assertThat(manager.getByLabel("Expert review before award")).isChecked();
      manager.getByLabel("Expert review before award").uncheck();
      check(manager, "lifecycle-01-new-general-program-en");
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      assertThat(manager.locator("h1")).containsText(programName);
      String programId = manager.url().substring(manager.url().lastIndexOf('/') + 1);
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open for proposals")).click();
      assertThat(manager.locator("h1")).containsText("Open for proposals");
      assertThat(manager.locator("main")).containsText("30 % advance, 70 % balance");
      check(manager, "lifecycle-02-program-open-en");

      // ---- the applicant (Chinese) drafts and submits in the editor
      Journeys.loginAt(applicant, portal, "/applicant/programs", "applicant", false);
      // the programs are listed oldest first, ten a page: the applicant pages on until the new one shows
      Locator apply = applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申报“" + programName + "”"));
      for (int pages = 1; apply.count() == 0 && pages < 10; pages++) {
        String before = applicant.url();
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下一页")).click();
        applicant.waitForURL(url -> !url.equals(before));
      }
      apply.click();
      assertThat(applicant.locator("h1")).hasText("新建申报书");
      Journeys.fillProposal(applicant, title, new String[][] {
          {"小批量样品制备", "工艺规程", "2027-06-30", "30"}, {"中试线建设", "中试验收报告", "2027-12-31", "30"},
          {"电机台架验证", "台架测试报告", "2028-12-31", "40"}});
      assertThat(applicant.locator("#tranche-total")).hasText("拨款比例合计 100%，符合要求。");
      check(applicant, "lifecycle-03-editor-zh");
      applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
      assertThat(applicant.locator("main")).containsText("草稿已保存。");
      applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("确认承诺并提交")).last().click();
      applicant.getByLabel("我已阅读并接受上述科研诚信承诺").check();
      check(applicant, "lifecycle-04-pledge-zh");
      applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受承诺并提交")).click();
      assertThat(applicant.locator("main")).containsText("申报书已提交。");
      assertThat(applicant.locator("h1")).hasText(title);
      String proposalUrl = applicant.url();
      check(applicant, "lifecycle-05-submitted-zh");

      // ---- the manager screens, reviews and awards it
      manager.navigate(portal + "/manager/programs/" + programId + "/proposals");
      manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start screening")).click();
      assertThat(manager.locator("main")).containsText("Screening");
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to expert review")).click();
      assertThat(manager.locator("main")).containsText("Under review");
      manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Award…")).click();
      assertThat(manager.locator("main")).containsText("No integrity hold on the organisation.");
      check(manager, "lifecycle-06-award-en");
      manager.getByLabel("Amount to award (yuan)").fill("1,000,000.00");
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Award this amount")).click();
      assertThat(manager.locator("main")).containsText("Awarded");
      check(manager, "lifecycle-07-awarded-en");

      // ---- the applicant follows it to the project (opened by milestone-review from the award event) and reports
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        applicant.navigate(proposalUrl);
        assertThat(applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看立项后的项目")))
            .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(1_000));
      });
      applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看立项后的项目")).click();
      String projectId = applicant.url().substring(applicant.url().lastIndexOf('/') + 1);
      String advanceId = "adv-" + projectId;
      Locator deliverables = applicant.locator("form[action$='/reports'] input[type=checkbox]");
      for (int i = 0; i < deliverables.count(); i++) {
        deliverables.nth(i).check();
      }
      applicant.getByLabel("截至目前的经费支出（元）").fill("960,000.00");
      check(applicant, "lifecycle-08-project-report-form-zh");
      applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交报告")).click();
      assertThat(applicant.locator("main")).containsText("里程碑报告已提交。");
      check(applicant, "lifecycle-09-reported-zh");

      // ---- the manager forms the panel from the expert list, then goes back to Chinese
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        manager.navigate(portal + "/manager/projects/" + projectId);
        // the reports table names each report by its milestone's title (no longer its internal id)
        assertThat(manager.locator("section[aria-labelledby='reports'] tbody a")).not().hasCount(0,
            new LocatorAssertions.HasCountOptions().setTimeout(1_000));
      });
      check(manager, "lifecycle-10-project-en");
      manager.locator("section[aria-labelledby='reports'] tbody a").first().click();
      manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Form the panel")).click();
      Journeys.chooseThreeExperts(manager);
      check(manager, "lifecycle-11-panel-chosen-en");
      manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Form the panel with 3 experts")).click();
      assertThat(manager.locator("main table tbody tr")).hasCount(3);
      check(manager, "lifecycle-12-panel-formed-en");
      Journeys.backToChinese(manager);
      managerContext.close();

      // ---- three experts (Chinese) declare no conflict and score: the panel's decision, the balance created
      int[][] scores = {{36, 26, 18, 9}, {34, 25, 17, 8}, {38, 27, 18, 9}};
      for (int e = 0; e < 3; e++) {
        try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
          Page expert = Journeys.page(context, consoleErrors);
          Journeys.login(expert, portal, "expert" + (e + 1));
          assertThat(expert.locator("h1")).hasText("我的评审任务");
          Journeys.declareAndScore(expert, title, scores[e]);
          check(expert, "lifecycle-13-expert" + (e + 1) + "-rubric-zh");
          expert.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评分")).click();
          assertThat(expert.locator("main .notice-ok")).containsText("评分已保存");
        }
      }

      // ---- the finance officer (Chinese) prepares the advance and the balance
      String balanceId;
      try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
        Page officer = Journeys.page(context, consoleErrors);
        Journeys.loginAt(officer, portal, "/finance", "finance-officer", false);
        assertThat(officer).hasURL(portal + "/finance/queues/prepare");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
          officer.navigate(portal + "/finance/queues/prepare?programId=" + programId);
          assertThat(officer.locator("#queue-totals")).hasText("共 2 笔，合计 ¥1,000,000.00",
              new LocatorAssertions.HasTextOptions().setTimeout(1_000));
        });
        check(officer, "lifecycle-14-queue-to-prepare-zh");
        balanceId = officer.locator("main table").first().getByRole(AriaRole.LINK,
            new Locator.GetByRoleOptions().setName(Pattern.compile("^bal-"))).textContent().trim();
        for (String id : List.of(balanceId, advanceId)) {
          officer.navigate(portal + "/finance/queues/prepare?programId=" + programId);
          officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(id)).click();
          Journeys.prepare(officer, ACCOUNT);
        }
        check(officer, "lifecycle-15-advance-prepared-zh");
      }

      // ---- the applicant looks at its project; the unread count in the header is live (SSE)
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        applicant.navigate(portal + "/notifications");
        assertThat(applicant.locator("main")).containsText("里程碑评审结果",
            new LocatorAssertions.ContainsTextOptions().setTimeout(1_000));
      });
      check(applicant, "lifecycle-16-notifications-before-zh");
      applicant.navigate(portal + "/applicant/projects/" + projectId);
      Locator unread = applicant.locator("header .notifications-link .badge");
      assertThat(unread).hasText(Pattern.compile("^\\d+$"));
      String unreadBefore = unread.textContent().trim();
      applicant.evaluate("() => { window.journeyMarker = 'not reloaded'; }");

      try (BrowserContext approverContext = Journeys.context(browser, "zh-CN")) {
        Page approver = Journeys.page(approverContext, consoleErrors);
        // ---- the finance approver (English) releases the balance
        Journeys.loginAt(approver, portal, "/finance", "finance-approver", true);
        assertThat(approver).hasURL(portal + "/finance/queues/release");
        approver.navigate(portal + "/finance/queues/release?programId=" + programId);
        assertThat(approver.locator("#queue-totals")).hasText("2 payments, ¥1,000,000.00 in total");
        check(approver, "lifecycle-17-queue-to-release-en");
        release(approver, balanceId, "JN-BAL-" + projectId);
        check(approver, "lifecycle-18-balance-released-en");

        // ---- the applicant's count goes up without a reload, and the notification says so
        try {
          assertThat(unread).not().hasText(unreadBefore, new LocatorAssertions.HasTextOptions().setTimeout(90_000));
        } catch (AssertionError stuck) {
          throw new AssertionError("the unread count stayed " + unreadBefore + " for 90 s; "
              + paymentNotificationSeenOnAnotherPage(applicant.context(), portal), stuck);
        }
        assertThat(Integer.parseInt(unread.textContent().trim())).isGreaterThan(Integer.parseInt(unreadBefore));
        assertThat(applicant.evaluate("() => window.journeyMarker")).isEqualTo("not reloaded");
        check(applicant, "lifecycle-19-unread-count-live-zh");
        applicant.locator("header .notifications-link").click();
        assertThat(applicant.locator("main")).containsText("拨款已支付");
        assertThat(applicant.locator("main")).containsText("¥700,000.00 已支付（支付流水号 JN-BAL-" + projectId + "）");
        check(applicant, "lifecycle-20-payment-notification-zh");
        applicant.navigate(portal + "/applicant/projects/" + projectId);
        assertThat(applicant.locator("main")).containsText("预拨款");
        assertThat(applicant.locator("main")).containsText("¥700,000.00");
        assertThat(applicant.locator("main")).containsText("已支付");
        check(applicant, "lifecycle-21-project-balance-paid-zh");

        // ---- an integrity officer (English) imports a dishonesty list naming the applicant's organisation
        try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
          Page officer = Journeys.page(context, consoleErrors);
          Journeys.loginAt(officer, portal, "/integrity/flags", "integrity-officer", true);
          officer.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
              new Locator.GetByRoleOptions().setName("Dishonesty list")).click();
          officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import the dishonesty list")).click();
          officer.getByLabel("CSV file").setInputFiles(new FilePayload("dishonesty-list.csv", "text/csv",
              dishonestyList(suffix).getBytes(StandardCharsets.UTF_8)));
          officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
          assertThat(officer.locator("h1")).hasText("Import preview");
          check(officer, "lifecycle-22-import-preview-en");
          officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the import")).click();
          assertThat(officer.locator("main")).containsText("1 new entries imported");
          officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the dishonesty-list flags")).click();
          Locator flag = officer.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(APPLICANT_ORG));
          assertThat(flag.first()).containsText("Critical");
          check(officer, "lifecycle-23-flag-queue-en");

          // ---- the advance waits ON_HOLD in the approver's queue
          await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            approver.navigate(portal + "/finance/queues/release?programId=" + programId);
            assertThat(approver.locator("#held-totals")).hasText("1 payments, ¥300,000.00 in total",
                new LocatorAssertions.HasTextOptions().setTimeout(1_000));
          });
          assertThat(approver.locator("#queue-totals")).hasText("0 payments, ¥0.00 in total");
          check(approver, "lifecycle-24-advance-on-hold-en");
          approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(advanceId)).click();
          assertThat(approver.locator("#payment-status")).hasText("On hold");
          assertThat(approver.locator("#release-form")).hasCount(0);
          check(approver, "lifecycle-25-advance-held-en");

          // ---- the officer lifts the hold with a reason
          officer.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
              new Locator.GetByRoleOptions().setName("Holds")).click();
          officer.getByLabel("Unified social credit code").fill(APPLICANT_ORG);
          officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
          Locator active = officer.locator("main .hold").filter(new Locator.FilterOptions()
              .setHas(officer.locator("textarea")));
          assertThat(active).hasCount(1);
          check(officer, "lifecycle-26-hold-active-en");
          active.locator("textarea").fill("The listing concerns a former subsidiary; checked against the register.");
          active.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lift the hold")).click();
          assertThat(officer.locator("main .hold textarea")).hasCount(0);
          assertThat(officer.locator("main")).containsText("Lifted by an integrity officer");
          check(officer, "lifecycle-27-hold-lifted-en");
          Journeys.backToChinese(officer);
        }

        // ---- the approver releases the advance
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
          approver.navigate(portal + "/finance/queues/release?programId=" + programId);
          assertThat(approver.locator("#queue-totals")).hasText("1 payments, ¥300,000.00 in total",
              new LocatorAssertions.HasTextOptions().setTimeout(1_000));
        });
        release(approver, advanceId, "JN-ADV-" + projectId);
        check(approver, "lifecycle-28-advance-released-en");

        // ---- the payment batch of today: the program's rows are the released payments
        approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payment batch")).click();
        String today = LocalDate.now(BEIJING).toString();
        approver.getByLabel("From (Beijing date)").fill(today);
        approver.getByLabel("To (Beijing date)").fill(today);
        check(approver, "lifecycle-29-export-en");
        Download csv = approver.waitForDownload(() ->
            approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download CSV")).click());
        List<String> rows = List.of(new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8).split("\r\n"))
            .stream().filter(r -> r.contains("," + programId + ",")).toList();
        JsonNode released = Http.get(stack.services.get("post-subsidy").url() + "/disbursements?projectId=" + projectId,
            stack.token("finance-officer")).get("items");
        List<String> expected = new ArrayList<>();
        for (JsonNode p : released) {
          if ("RELEASED".equals(p.get("status").asString())) {
            expected.add(p.get("id").asString() + "," + programId + "," + projectId + "," + APPLICANT_ORG + ","
                + java.math.BigDecimal.valueOf(p.get("amountFen").asLong(), 2).toPlainString());
          }
        }
        assertThat(expected).hasSize(2);
        assertThat(rows).hasSize(2);
        for (String row : rows) {
          String[] c = row.split(",");
          assertThat(expected).contains(c[0] + "," + c[1] + "," + c[2] + "," + c[3] + "," + c[7]);
        }
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(advanceId + ",").contains(",300000.00,JN-ADV-" + projectId));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(balanceId + ",").contains(",700000.00,JN-BAL-" + projectId));
        Journeys.backToChinese(approver);
        check(approver, "lifecycle-30-export-zh");
      }
    }

    assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
    assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
  }

  /** The approver (English) on the release queue of the program: opens the payment and releases it once. */
  private static void release(Page approver, String paymentId, String reference) {
    approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(paymentId)).click();
    assertThat(approver.locator("#payment-status")).hasText("To release");
    approver.getByLabel("Payment reference").fill(reference);
    approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release the payment")).dblclick();
    assertThat(approver.locator("#payment-status")).hasText("Released");
  }

  /** One entry, in force since yesterday, naming the applicant's organisation. */
  static String dishonestyList(String suffix) {
    LocalDate today = LocalDate.now(BEIJING);
    return IntegrityJourneyIT.HEADER + "ORGANISATION," + APPLICANT_ORG + ",天津津南先进材料有限公司,虚报项目经费,"
        + "三年内取消申报资格,天津市科学技术局（全流程 " + suffix + "）,《科学技术活动违规行为处理规定》第十三条,"
        + today.minusDays(1) + ",\n";
  }

  /** Whether the notification is in the inbox (then the live count failed) or not (then the event did not arrive). */
  private static String paymentNotificationSeenOnAnotherPage(BrowserContext context, String portal) {
    Page other = context.newPage();
    try {
      other.navigate(portal + "/notifications");
      return other.locator("main").textContent().contains("拨款已支付")
          ? "the payment's notification is in the inbox: the page's live count (SSE) did not update"
          : "the payment's notification is not in the inbox: the event did not reach the portal";
    } catch (RuntimeException e) {
      return "the inbox could not be read on another page either (" + e.getMessage().lines().findFirst().orElse("") + ")";
    } finally {
      other.close();
    }
  }
}
