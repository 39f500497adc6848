package org.fundflow.journeys;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every journey does on every page: a full-page screenshot under target/journeys/ and the axe-core check, keeping
 * the serious and critical violations to assert at the end (so one journey reports all pages at once). Also starts
 * Debian's Chromium (never a downloaded one).
 */
final class PageChecks {

  static final Path SHOTS = Path.of("target", "journeys");
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  final List<String> accessibilityProblems = new ArrayList<>();

  static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  private static final java.util.concurrent.atomic.AtomicInteger NETLOGS = new java.util.concurrent.atomic.AtomicInteger();

  static Browser chromium(Playwright playwright, Path executable) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage",
            // what the browser saw of each request, for a navigation that never got its document (Journeys.open)
            "--log-net-log=" + Path.of("target", "journey-logs", "chromium-netlog-" + ProcessHandle.current().pid() + "-"
                + NETLOGS.incrementAndGet() + ".json").toAbsolutePath(), "--net-log-capture-mode=Default")));
  }

  void check(Page page, String name) {
    page.waitForLoadState();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
    for (Rule violation : results.getViolations()) {
      if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
        accessibilityProblems.add(name + ": " + violation.getId() + " (" + violation.getImpact() + ") "
            + violation.getHelp() + " " + violation.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
  }
}
