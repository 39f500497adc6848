package org.fundflow.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a journey class starts and stops: the shared stack and a Chromium (none where /usr/bin/chromium is missing: the
 * journey then reports itself skipped), and the page checks (screenshot + axe-core) of its pages. A failure carries
 * {@link FailureEvidence}.
 */
@ExtendWith(FailureEvidence.class)
abstract class BrowserJourney {

  static PortalStack stack;
  static Journeys.Chromium chromium;
  static Browser browser;

  final PageChecks pages = new PageChecks();

  @BeforeAll
  static void startStackAndBrowser() throws Exception {
    chromium = Journeys.start();
    if (chromium != null) {
      stack = PortalStack.get();
      browser = chromium.browser();
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
      chromium = null;
      browser = null;
    }
  }

  void check(Page page, String name) {
    pages.check(page, name);
  }
}
