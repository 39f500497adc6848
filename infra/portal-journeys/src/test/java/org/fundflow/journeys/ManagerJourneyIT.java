package org.fundflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A program manager's journey through the portal in a real Chromium, in English (switched on the login page): creates
 * and opens a CHALLENGE program, posts a challenge (first with an amount it cannot read, shown next to the field),
 * finds the applicant's proposal in the filtered queue, screens it, sends it to review, awards it with the
 * organisation's integrity record and the program's remaining budget in view, and forms a 3-expert panel on the
 * project's first milestone report by searching the expert list. What other people do between (the applicant submits
 * the proposal and the report; experts have profiles) is done through the services' APIs. Every page: a screenshot
 * under target/journeys/ and axe-core with 0 serious or critical violations; the last pages again in Chinese and in a
 * narrow window.
 */
@org.junit.jupiter.api.Order(4)
@org.junit.jupiter.api.extension.ExtendWith(FailureEvidence.class)
class ManagerJourneyIT {

  static final Path CHROMIUM = ApplicantJourneyIT.CHROMIUM;
  static final String APPLICANT_ORG = ApplicantJourneyIT.APPLICANT_ORG;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** The demo experts (their token subjects) with their organisations, none the applicant's. */
  static final Map<String, String> EXPERTS = Map.of("expert1", "12120116800HQW767H", "expert2", "521201126KXLELYT33",
      "expert3", "12310115AMBRCN372R", "expert4", "5231011587WL1EFJ6B", "expert5", "92110108EF3LH7EF5W");
  static final Map<String, String> EXPERT_NAMES = Map.of("expert1", "Prof. Chen Jie", "expert2", "Dr. Liu Yang",
      "expert3", "Prof. Sun Lei", "expert4", "Dr. Zhou Ning", "expert5", "Ma Lin");

  static PortalStack stack;
  static Playwright playwright;
  static Browser browser;

  final PageChecks pages = new PageChecks();

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      System.err.println(ApplicantJourneyIT.NO_CHROMIUM);
      return;
    }
    Files.createDirectories(PageChecks.SHOTS);
    stack = PortalStack.get();
    registerExperts(stack);
    // pages on a loaded shared machine: a form's answer can take more than the default 5 s
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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

  /** The expert profiles program managers keep (milestone-review), one per demo expert. */
  static void registerExperts(PortalStack stack) {
    String milestone = stack.services.get("milestone-review").url();
    String manager = stack.token("program-manager");
    EXPERTS.forEach((id, org) -> send("PUT", milestone + "/experts/" + id, manager, Map.of("name", EXPERT_NAMES.get(id),
        "organisationCode", org, "nationalId", "110108196412165143", "declaredConflicts", List.of()), 200));
  }

  @Test
  void aProgramManagerRunsAChallengeFromTheCallToTheAwardAndFormsAPanelFromTheExpertList() {
    Assumptions.assumeTrue(browser != null, ApplicantJourneyIT.NO_CHROMIUM);
    String portal = stack.portal.url();
    String programName = "Jinnan open challenge for drive motor magnets " + UUID.randomUUID().toString().substring(0, 4);
    String challengeTitle = "Heavy-rare-earth-free high-coercivity magnets";
    String proposalTitle = "Grain-boundary diffusion magnets without heavy rare earths";
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900))) {
      // the first pages of five cold JVMs on a loaded shared machine: slow, not wrong
      context.setDefaultTimeout(90_000);
      context.setDefaultNavigationTimeout(90_000);
      Page page = context.newPage();
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        // a refused form answers 4xx on purpose (the field errors); anything else (a CSP violation) is not
        if ("error".equals(m.type()) && !m.text().contains("status of 4")) {
          consoleErrors.add(m.text() + " at " + m.location());
        }
      });

      // ---- log in, in English
      page.navigate(portal + "/manager");
      assertThat(page).hasURL(portal + "/login");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
      page.locator("button[data-user='program-manager']").click();
      assertThat(page).hasURL(portal + "/manager/programs");
      assertThat(page.locator("h1")).hasText("Programs");
      check(page, "m01-programs-en");

      // ---- create and open a CHALLENGE program
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New: Open challenge (major special project)")).click();
      assertThat(page.locator("h1")).hasText("New program");
      LocalDateTime now = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
      page.getByLabel("Program name").fill(programName);
      page.getByLabel("Total budget (yuan)").fill("50,000,000");
      page.getByLabel("Cap per project (yuan)").fill("3,000,000");
      page.getByLabel("Opens").fill(now.minusDays(1).toString());
      page.getByLabel("Closes").fill(now.plusDays(30).toString());
      // 立项评审 is on by default for a CHALLENGE program; this journey awards right after screening
      assertThat(page.getByLabel("Expert review before award")).isChecked();
      page.getByLabel("Expert review before award").uncheck();
      check(page, "m02-new-program-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      assertThat(page.locator("h1")).containsText(programName);
      assertThat(page.locator("h1")).containsText("Draft");
      String programId = page.url().substring(page.url().lastIndexOf('/') + 1);
      check(page, "m03-program-draft-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open for proposals")).click();
      assertThat(page.locator("h1")).containsText("Open for proposals");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit draft"))).hasCount(0);

      // ---- post a challenge: an amount with three decimals is explained next to its field, then corrected
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Post a challenge")).click();
      page.getByLabel("Challenge title").fill(challengeTitle);
      page.getByLabel("The problem to solve").fill("Drive motors demagnetise at 180 °C; today's magnets need dysprosium.");
      page.getByLabel("Target indicators").fill("Intrinsic coercivity >= 20 kOe at 20 °C\nHeavy rare earth <= 0.5 wt%");
      page.getByLabel("Maximum funding (yuan)").fill("2,000,000.001");
      page.getByLabel("Deadline (Beijing time, end of day)").fill(now.toLocalDate().plusDays(60).toString());
      page.getByLabel("Posting organisation", new Page.GetByLabelOptions().setExact(true)).fill("Tianjin Jinnan Auto Parts Co., Ltd.");
      page.getByLabel("Posting organisation's code").fill("91120000225WJEN76U");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the challenge")).click();
      assertThat(page.locator("#maxFunding-error")).containsText("at most two decimals");
      assertThat(page.getByLabel("Maximum funding (yuan)")).hasAttribute("aria-invalid", "true");
      check(page, "m04-challenge-field-error-en");
      page.getByLabel("Maximum funding (yuan)").fill("2,000,000");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the challenge")).click();
      assertThat(page.locator("main")).containsText(challengeTitle);
      assertThat(page.locator("main")).containsText("¥2,000,000.00");
      check(page, "m05-program-open-with-challenge-en");

      // ---- the applicant submits a proposal (through the service, as the applicant's own pages would)
      String proposalId = submitProposal(programId, proposalTitle);

      // ---- the queue, filtered by status and organisation
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Proposal queue")).click();
      page.getByLabel("Status").selectOption("SUBMITTED");
      page.getByLabel("Organisation").fill(APPLICANT_ORG);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
      assertThat(page.locator("main table")).containsText(proposalTitle);
      assertThat(page.locator("main table")).containsText("¥1,234,567.89");
      check(page, "m06-queue-filtered-en");

      // ---- screen, review, award with the integrity record in view
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(proposalTitle)).click();
      check(page, "m07-proposal-submitted-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start screening")).click();
      assertThat(page.locator("main")).containsText("Screening");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to expert review")).click();
      assertThat(page.locator("main")).containsText("Under review");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Award…")).click();
      assertThat(page.locator("h1")).hasText("Award");
      assertThat(page.locator("main")).containsText("Integrity record of the organisation");
      assertThat(page.locator("main")).containsText("No integrity hold on the organisation.");
      assertThat(page.locator("main")).containsText("Remaining budget of the program");
      assertThat(page.locator("main")).containsText("¥50,000,000.00");
      check(page, "m08-award-with-integrity-record-en");
      page.getByLabel("Amount to award (yuan)").fill("1,200,000.50");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Award this amount")).click();
      assertThat(page.locator("main")).containsText("Awarded");
      assertThat(page.locator("main")).containsText("¥1,200,000.50");
      check(page, "m09-proposal-awarded-en");

      // ---- the project opens in milestone-review (from the award event); the applicant reports on milestone 1
      String projectId = awaitProject(proposalId);
      submitReport(projectId);

      // ---- form a 3-expert panel by searching the expert list
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Milestone reviews of the project")).click();
      // the report by its milestone's name (milestone-review's), not the internal milestone id
      assertThat(page.locator("main table").first()).containsText("Samples");
      check(page, "m10-project-en");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Samples")).click();
      assertThat(page.locator("h1")).containsText("Samples");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Form the panel")).click();
      assertThat(page.locator("h1")).hasText("Form the panel");
      Journeys.chooseThreeExperts(page);
      check(page, "m11-panel-chosen-en");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Form the panel with 3 experts")).click();
      assertThat(page.locator("main table")).containsText("expert1");
      assertThat(page.locator("main table")).containsText("expert2");
      assertThat(page.locator("main table")).containsText("expert3");
      assertThat(page.locator("main table tbody tr")).hasCount(3);
      assertThat(page.locator("main")).containsText("Under review by the panel");
      check(page, "m12-report-with-panel-en");

      // ---- the same pages in Chinese, and in a narrow window
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      assertThat(page.locator("main")).containsText("专家评审组");
      check(page, "m13-report-with-panel-zh");
      page.navigate(portal + "/manager/proposals/" + proposalId + "/award");
      check(page, "m14-award-page-after-award-zh");
      page.setViewportSize(390, 844);
      page.navigate(portal + "/manager/programs/" + programId + "/proposals");
      check(page, "m15-queue-zh-narrow");
      page.navigate(portal + "/manager/programs/new?kind=POST_SUBSIDY");
      check(page, "m16-new-post-subsidy-program-zh-narrow");

      assertThat(pages.accessibilityProblems).as("axe-core serious or critical violations").isEmpty();
      assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
    }
  }

  /** The applicant drafts and submits (Idempotency-Key, pledge) a proposal answering the program's challenge. */
  static String submitProposal(String programId, String title) {
    String intake = stack.services.get("project-intake").url();
    String applicant = stack.token("applicant");
    String challengeId = send("GET", intake + "/programs/" + programId + "/challenges", applicant, null, 200)
        .get(0).get("id").asString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("programId", programId);
    body.put("challengeId", challengeId);
    body.put("title", title);
    body.put("abstract", "Grain-boundary diffusion with grain refinement; a pilot line and a motor bench test.");
    body.put("requestedAmountFen", 123_456_789L);
    body.put("budgetLines", List.of(Map.of("category", "Equipment", "amountFen", 100_000_000L),
        Map.of("category", "Materials", "amountFen", 23_456_789L)));
    body.put("principalInvestigator", Map.of("nationalId", "11010819841203824X", "name", "Wang Haiyan",
        "organisationCode", APPLICANT_ORG));
    body.put("projectStartDate", "2027-01-01");
    body.put("projectEndDate", "2028-12-31");
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "Samples", "deliverables", List.of("Process specification"), "dueDate", "2027-06-30", "tranchePercent", 30),
        Map.of("sequence", 2, "title", "Pilot line", "deliverables", List.of("Acceptance report"), "dueDate", "2027-12-31", "tranchePercent", 30),
        Map.of("sequence", 3, "title", "Bench test", "deliverables", List.of("Test report"), "dueDate", "2028-12-31", "tranchePercent", 40)));
    String id = send("POST", intake + "/proposals", applicant, body, 201).get("id").asString();
    HttpRequest submit = HttpRequest.newBuilder(URI.create(intake + "/proposals/" + id + "/submit"))
        .header("Authorization", "Bearer " + applicant).header("Content-Type", "application/json")
        .header("Idempotency-Key", "journey-" + id)
        .POST(HttpRequest.BodyPublishers.ofString("{\"pledge\":{\"accepted\":true,\"textVersion\":\"2026-1\"}}")).build();
    expect(submit, 200);
    return id;
  }

  static String awaitProject(String proposalId) {
    String intake = stack.services.get("project-intake").url();
    String milestone = stack.services.get("milestone-review").url();
    String manager = stack.token("program-manager");
    String projectId = send("GET", intake + "/proposals/" + proposalId, manager, null, 200).get("projectId").asString();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
        status("GET", milestone + "/projects/" + projectId, manager) == 200);
    return projectId;
  }

  static void submitReport(String projectId) {
    String milestone = stack.services.get("milestone-review").url();
    send("POST", milestone + "/projects/" + projectId + "/reports", stack.token("applicant"), Map.of(
        "deliverablesMet", List.of("Process specification"),
        "evidence", List.of(Map.of("name", "process-spec.pdf", "sha256", "ab".repeat(32))),
        "spendingToDateFen", 30_000_000L), 201);
  }

  static JsonNode send(String method, String url, String token, Object body, int expected) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build();
    return expect(request, expected);
  }

  static int status(String method, String url, String token) {
    try {
      return Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
          .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static JsonNode expect(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
            + response.body());
      }
      return response.body().isEmpty() ? Http.JSON.createObjectNode() : Http.JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void check(Page page, String name) {
    pages.check(page, name);
  }
}
