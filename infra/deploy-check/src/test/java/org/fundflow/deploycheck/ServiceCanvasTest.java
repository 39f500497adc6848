package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every service README (the four services and the portal) is written on the one canvas defined in
 * docs/service-guide.md ("The service canvas"): the same {@code ##} headings, in the same order, nothing else at that
 * level.
 */
class ServiceCanvasTest {

  static final List<String> CANVAS = List.of(
      "What it owns",
      "Who uses it (roles)",
      "API",
      "Events published",
      "Events consumed",
      "Rules it enforces",
      "Guarantees and how they are tested",
      "Errors (problem types)",
      "Configuration",
      "Inside (layout and design)",
      "Running and testing",
      "Known limits");

  static final List<String> READMES = List.of(
      "services/project-intake/README.md",
      "services/milestone-review/README.md",
      "services/post-subsidy/README.md",
      "services/integrity-check/README.md",
      "services/portal/README.md");

  @Test
  void everyServiceReadme_hasTheCanvasHeadingsInOrder() throws IOException {
    for (String readme : READMES) {
      List<String> lines = Files.readAllLines(DeploymentFilesTest.ROOT.resolve(readme), StandardCharsets.UTF_8);
      assertThat(lines.get(0)).as("%s: title", readme).startsWith("# ").endsWith(" — service canvas");
      assertThat(sectionHeadings(lines)).as("%s: the ## headings", readme).containsExactlyElementsOf(CANVAS);
    }
  }

  @Test
  void theServiceGuide_definesTheSameCanvas() throws IOException {
    String guide = Files.readString(DeploymentFilesTest.ROOT.resolve("docs/service-guide.md"), StandardCharsets.UTF_8);
    assertThat(guide).contains("## The service canvas");
    for (String heading : CANVAS) {
      assertThat(guide).as("docs/service-guide.md names the section").contains("`## " + heading + "`");
    }
  }

  /** The {@code ## } headings outside fenced code blocks. */
  static List<String> sectionHeadings(List<String> lines) {
    List<String> headings = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines) {
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("## ")) {
        headings.add(line.substring(3).trim());
      }
    }
    return headings;
  }
}
