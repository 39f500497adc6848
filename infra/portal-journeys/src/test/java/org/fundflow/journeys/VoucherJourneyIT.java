package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Innovation vouchers (创新券, issue 18 point 5) through the portal in a real Chromium. The program manager sets up and
 * opens a VOUCHER program in the program form (¥50,000.00 per voucher, 35 % of a contract, testing and R&amp;D design,
 * enterprises registered in 津南区). The service
 * provider (English) registers its organisation; the program manager (Chinese) approves it and it appears in the public
 * list, read without logging in. The enterprise (Chinese) applies with its small-and-medium declaration and the pledge,
 * is told in words what its contract form lacks, then registers the contract (¥87,654.32, with its document). The
 * provider claims settlement, the enterprise confirms delivery, and the finance officer finds the payment to the
 * provider in the "to prepare" queue: ¥30,679.01, the voucher share down to the fen, explained in Chinese. Every page:
 * a screenshot and axe-core with 0 serious or critical violations.
 */
@org.junit.jupiter.api.Order(8)
class VoucherJourneyIT extends BrowserJourney {

  static final String PROVIDER_ORG = "91120112DA1KCGYFXP"; // the devstack's demo user "provider"
  static final String PROVIDER_NAME = "Tianjin Jinnan Testing and Certification Co., Ltd.";

  @Test
  void aProviderIsApproved_anEnterpriseUsesItsVoucher_andFinanceFindsTheProvidersShareExactToTheFen()
      throws Exception {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String subsidy = stack.services.get("post-subsidy").url();
    String programName = "2026年度津南区科技创新券 " + UUID.randomUUID().toString().substring(0, 4);

    List<String> consoleErrors = new ArrayList<>();
    String programId;
    // ---- the program manager sets the voucher program up in the program form and opens it, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "program-manager");
      page.navigate(portal + "/manager/programs/new?kind=VOUCHER");
      java.time.LocalDateTime beijing = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
          .truncatedTo(ChronoUnit.MINUTES);
      page.getByLabel("计划名称").fill(programName);
      page.getByLabel("总预算（元）").fill("10,000,000");
      page.getByLabel("单项资助上限（元）").fill("50,000");
      page.getByLabel("开始时间").fill(beijing.minusDays(1).toString());
      page.getByLabel("截止时间").fill(beijing.plusDays(30).toString());
      page.getByLabel("券面额（元）").fill("50,000");
      page.getByLabel("抵扣比例（%）").fill("35");
      assertThat(page.getByLabel("有效期（天，自发放起）")).hasValue("180");
      page.getByLabel("每家企业年度领取上限（元）").fill("100,000");
      page.getByLabel("检验检测认证").check();
      page.getByLabel("研发设计").check();
      page.getByLabel("企业注册地区划代码").fill("120112");
      check(page, "v0-voucher-program-form-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
      assertThat(page.locator("main dl")).containsText("合同金额的35%");
      assertThat(page.locator("main dl")).containsText("¥100,000.00");
      programId = page.url().replaceAll(".*/manager/programs/([^/?#]+).*", "$1");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布并开始受理")).click();
      assertThat(page.locator("main")).containsText("申报中");
      check(page, "v0-voucher-program-open-zh");
    }

    // ---- the service provider registers, in English
    try (BrowserContext context = Journeys.context(browser, "en-US")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.loginAt(page, portal, "/provider", "provider", true);
      assertThat(page.getByLabel("Unified social credit code")).hasValue(PROVIDER_ORG);
      check(page, "v1-provider-register-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
      assertThat(page.locator("#categories-error")).hasText("Choose at least one service you offer.");
      page.getByLabel("Testing and certification").check();
      page.getByLabel("IP services").check();
      page.getByLabel("Contact").fill("Testing business department");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
      assertThat(page.locator("main")).containsText("Your registration was received.");
      assertThat(page.locator("main")).containsText("Waiting for approval");
      check(page, "v2-provider-pending-en");
      Journeys.backToChinese(page);
    }

    // ---- the program manager approves it, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "program-manager");
      page.navigate(portal + "/manager/providers");
      assertThat(page.locator("main")).containsText(PROVIDER_ORG);
      check(page, "v3-manager-providers-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("通过 " + PROVIDER_NAME).setExact(true)).click();
      assertThat(page.locator("main")).containsText("审核结果已记录。");
    }

    // ---- anyone: the public list, without logging in
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.open(page, portal + "/public/providers");
      page.getByLabel("服务类别").selectOption("TESTING");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
      assertThat(page.locator("main table")).containsText(PROVIDER_NAME);
      assertThat(page.locator("main table")).containsText("检验检测认证、知识产权服务");
      check(page, "v4-public-providers-zh");
    }

    String voucherId;
    // ---- the enterprise applies and registers the contract, in Chinese
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "applicant");
      page.navigate(portal + "/applicant/vouchers");
      page.getByLabel(programName).check();
      assertThat(page.locator("main")).containsText("面额¥50,000.00，按合同金额的35%抵扣");
      check(page, "v5-vouchers-apply-zh");
      page.getByLabel("本单位属于中小企业").check();
      page.getByLabel("我已阅读并接受上述科研诚信承诺").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申领创新券")).click();
      assertThat(page.locator("main")).containsText("创新券已发放给贵单位。");
      voucherId = page.url().replaceAll(".*/applicant/vouchers/([^?]+).*", "$1");

      // what the form lacks, said next to each field; nothing is sent
      page.getByLabel("合同金额（元）").fill("87654.321");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记合同")).click();
      assertThat(page.locator("#providerId-error")).hasText("请选择服务机构。");
      assertThat(page.locator("#amount-error")).isVisible();
      assertThat(page.locator("#file-error")).hasText("请选择合同文件。");
      check(page, "v6-contract-errors-zh");

      page.getByLabel("服务机构").selectOption("spv-" + PROVIDER_ORG);
      page.getByLabel("服务类别").selectOption("TESTING");
      page.getByLabel("合同金额（元）").fill("87654.32");
      page.getByLabel("合同编号").fill("JNJC-2026-0917");
      page.locator("#contract-file").setInputFiles(new FilePayload("检测服务合同.pdf", "application/pdf",
          ("%PDF-1.7\n检测服务合同 " + voucherId + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记合同")).click();
      assertThat(page.locator("main")).containsText("合同已登记。");
      assertThat(page.locator("main")).containsText("¥87,654.32");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载 检测服务合同.pdf")))
          .isVisible();
      check(page, "v7-contracted-zh");
    }

    // ---- the provider claims settlement after delivering
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "provider");
      assertThat(page).hasURL(portal + "/provider");
      assertThat(page.locator("main")).containsText("已通过");
      page.locator("form[action='/provider/vouchers/" + voucherId + "/settlement-claim'] button").click();
      assertThat(page.locator("main")).containsText("已申请兑付，等待企业确认交付。");
      check(page, "v8-provider-claimed-zh");
    }

    // ---- the enterprise confirms delivery
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "applicant");
      page.navigate(portal + "/applicant/vouchers/" + voucherId);
      assertThat(page.locator("main")).containsText("已申请兑付。请仅在服务已按合同交付时确认");
      check(page, "v9-confirm-delivery-zh");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认服务已交付")).click();
      assertThat(page.locator("main")).containsText("已确认服务交付。");
      assertThat(page.locator("main")).containsText("已兑付");
    }

    // post-subsidy pays the provider 87,654.32 x 35 % = 30,679.012 -> 30,679.01
    String paymentId = "vs-" + voucherId;
    String officerToken = stack.token("finance-officer");
    Journeys.awaitDisbursement(subsidy, officerToken, paymentId, 3_067_901L);
    // ---- the finance officer: the payment to the provider, explained
    try (BrowserContext context = Journeys.context(browser, "zh-CN")) {
      Page page = Journeys.page(context, consoleErrors);
      Journeys.login(page, portal, "finance-officer");
      page.navigate(portal + "/finance/queues/prepare?programId=" + programId);
      assertThat(page.locator("main")).containsText("创新券兑付（支付给服务机构）");
      assertThat(page.locator("main")).containsText("¥30,679.01");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(paymentId)).click();
      assertThat(page.locator("#payment-amount")).hasText("¥30,679.01");
      assertThat(page.locator("#payment-explanation")).containsText("券付 ¥30,679.01，企业自付 ¥56,975.31");
      check(page, "v10-finance-voucher-payment-zh");
    }
    assertThat(pages.accessibilityProblems).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }
}
