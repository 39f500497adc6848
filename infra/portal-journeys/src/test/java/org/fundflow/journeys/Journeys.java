package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Files;
import java.util.List;

/**
 * Small steps several journeys take the same way: a browser context as a person in Beijing uses it, a page that keeps
 * the console errors, the login through the provider's user picker, filling the proposal editor, forming a panel from
 * the expert list, an expert's declaration and scores, a finance officer's preparation.
 */
final class Journeys {

  /**
   * A fresh context's first page: on with its document (see {@link #pickUser}); its content is asserted right after.
   * Once in a while (about one first navigation in a full run, in CI and here) Chromium never gets the document while
   * the portal answers the same request in milliseconds and sits idle; that navigation is given 45 s, said on stderr,
   * and made once more, as a person would reload. The portal's access log and Chromium's net log (target/journey-logs)
   * show each side of it.
   */
  static void open(Page page, String url) {
    try {
      page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED).setTimeout(45_000));
    } catch (com.microsoft.playwright.TimeoutError stuck) {
      System.err.printf("[journey] %s: no document within 45 s; navigating again (%s)%n", url,
          java.time.Instant.now());
      page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
    }
  }

  private Journeys() {}

  /** Debian's Chromium under Playwright, for one journey class; closed after it. */
  record Chromium(Playwright playwright, Browser browser) implements AutoCloseable {
    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }

  /**
   * The shared stack and a Chromium, or null (the journey then reports itself skipped) where /usr/bin/chromium is
   * missing. Assertions wait 30 s: pages on a loaded shared machine can take more than the default 5 s.
   */
  static Chromium start() throws java.io.IOException {
    if (!Files.isExecutable(ApplicantJourneyIT.CHROMIUM)) {
      System.err.println(ApplicantJourneyIT.NO_CHROMIUM);
      return null;
    }
    Files.createDirectories(PageChecks.SHOTS);
    PortalStack.get();
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    Playwright playwright = PageChecks.playwright();
    return new Chromium(playwright, PageChecks.chromium(playwright, ApplicantJourneyIT.CHROMIUM));
  }

  /** A context in the locale, Beijing time, a desktop window, downloads on; long timeouts for a loaded machine. */
  static BrowserContext context(Browser browser, String locale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900).setAcceptDownloads(true));
    context.setDefaultTimeout(90_000);
    context.setDefaultNavigationTimeout(90_000);
    return context;
  }

  /** A page whose console errors are kept; a refused form answers 4xx on purpose, anything else (a CSP violation) not. */
  static Page page(BrowserContext context, List<String> consoleErrors) {
    Page page = context.newPage();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type()) && !m.text().contains("status of 4")) {
        consoleErrors.add(m.text() + " at " + m.location());
      }
    });
    return page;
  }

  /** Through the login page and the devstack provider's user picker, in the page's current language. */
  static void login(Page page, String portal, String user) {
    open(page, portal + "/");
    assertThat(page).hasURL(portal + "/login");
    pickUser(page, portal, user);
  }

  /**
   * Asks for a page, lands on the login page, switches it to English when asked (the choice is then remembered for
   * the user: switch back before leaving), logs in: the portal brings the user back to the page asked for.
   */
  static void loginAt(Page page, String portal, String path, String user, boolean english) {
    open(page, portal + path);
    assertThat(page).hasURL(portal + "/login");
    if (english) {
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
    }
    pickUser(page, portal, user);
  }

  private static void pickUser(Page page, String portal, String user) {
    page.locator("a[href='/oauth2/authorization/fundflow']").click();
    page.locator("button[data-user='" + user + "']").click();
    // the page's document, not its load event: twice in CI (and once here) the portal had answered and sat idle while
    // Chromium never fired "load" after the provider's redirect; what the user sees is asserted next
    page.waitForURL(url -> !url.contains("/login") && url.startsWith(portal + "/"),
        new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
  }

  /** Back to Chinese, the default the other journeys expect of every demo user. */
  static void backToChinese(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
    assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
  }

  /**
   * The proposal editor (Chinese): ¥1,000,000.00 in two budget lines, the principal investigator, and the milestone
   * plan (title, deliverable, due date, tranche % per row).
   */
  static void fillProposal(Page page, String title, String[][] plan) {
    page.getByLabel("项目名称").fill(title);
    page.getByLabel("项目摘要").fill("研究高丰度稀土（镧、铈）在钕铁硼晶界中的分布调控，降低对镨钕的依赖。");
    page.getByLabel("申请金额（元）").fill("1,000,000.00");
    page.getByLabel("项目开始日期").fill("2027-01-01");
    page.getByLabel("项目结束日期").fill("2028-12-31");
    page.locator("[name='budgetLines[0].category']").fill("设备费");
    page.locator("[name='budgetLines[0].amount']").fill("765,432.11");
    page.locator("[name='budgetLines[1].category']").fill("材料费");
    page.locator("[name='budgetLines[1].amount']").fill("234567.89");
    page.locator("[name='principalInvestigator.name']").fill("王海燕");
    page.locator("[name='principalInvestigator.nationalId']").fill("11010819841203824X");
    for (int i = 0; i < plan.length; i++) {
      page.locator("[name='milestones[" + i + "].title']").fill(plan[i][0]);
      page.locator("[name='milestones[" + i + "].deliverables']").fill(plan[i][1]);
      page.locator("[name='milestones[" + i + "].dueDate']").fill(plan[i][2]);
      page.locator("[name='milestones[" + i + "].tranchePercent']").fill(plan[i][3]);
    }
  }

  /** On the manager's "Form the panel" page (English): Prof. Chen Jie, Dr. Liu Yang, Prof. Sun Lei, by searching. */
  static void chooseThreeExperts(Page page) {
    for (String name : List.of("Chen Jie", "Liu Yang", "Sun Lei")) {
      page.getByLabel("Name, expert id or organisation code").fill(name);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add " + (name.startsWith("Liu") ? "Dr. " : "Prof. ")
          + name + " to the panel")).click();
    }
    assertThat(page.locator("#chosen-heading")).hasText("Chosen experts (3)");
  }

  /**
   * An expert (Chinese) opens the report of the proposal titled so from its inbox, declares no conflict, scores the
   * four criteria (40/30/20/10) with a comment each, recommends "通过" and submits.
   */
  static void declareAndScore(Page page, String title, int... scores) {
    page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(title))
        .getByRole(AriaRole.LINK).first().click();
    assertThat(page.locator("h1")).hasText("回避声明");
    page.getByLabel("本人与该项目不存在利益冲突，同意参加评审").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交声明")).click();
    int[] max = {40, 30, 20, 10};
    for (int i = 0; i < max.length; i++) {
      page.getByLabel("分值（0 至 " + max[i] + "）").fill(String.valueOf(scores[i]));
    }
    for (String criterion : List.of("deliverables", "technicalQuality", "budgetExecution", "management")) {
      page.locator("#" + criterion + "Comment").fill("符合任务书要求。");
    }
    page.getByLabel("通过", new Page.GetByLabelOptions().setExact(true)).check();
  }

  /** Until post-subsidy shows the disbursement with this amount (it follows the services' events). */
  static void awaitDisbursement(String subsidy, String token, String paymentId, long amountFen) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
        .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
          try {
            return Http.get(subsidy + "/disbursements/" + paymentId, token).get("amountFen").asLong() == amountFen;
          } catch (IllegalStateException notYet) {
            return false;
          }
        });
  }

  /** A finance officer (Chinese) on a payment to prepare: the payee's account, then "制单". */
  static void prepare(Page page, String account) {
    page.getByLabel("收款单位名称").fill("天津数智科技有限公司");
    page.getByLabel("开户银行").fill("天津银行津南支行");
    page.getByLabel("银行账号").fill(account);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("制单")).dblclick();
    assertThat(page.locator("#payment-status")).hasText("待支付");
  }
}
