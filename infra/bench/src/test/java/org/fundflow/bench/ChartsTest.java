package org.fundflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void givenFiguresOfARun_whenRendered_thenOneMermaidChartEachForLatencyThroughputAndRss() {
    Charts charts = new Charts();
    charts.latency("raw: kafka produce -> consume", 12.34, 177.7);
    charts.latency("(d) hold -> \"refused\"", 180.4, 1280.6);
    charts.throughput("(a) submissions at saturation", 412.0);
    charts.rss("project-intake", 281, 305);
    charts.rss("post-subsidy", 250, 262);

    assertThat(charts.render()).isEqualTo("""

        ```mermaid
        xychart-beta
            title "Latency percentiles (ms): bars p99, line p50"
            x-axis ["raw: kafka produce -> consume", "(d) hold -> 'refused'"]
            y-axis "ms" 0 --> 1409.0
            bar [177.7, 1280.6]
            line [12.3, 180.4]
        ```

        ```mermaid
        xychart-beta
            title "Throughput (per second)"
            x-axis ["(a) submissions at saturation"]
            y-axis "per s" 0 --> 454.0
            bar [412.0]
        ```

        ```mermaid
        xychart-beta
            title "RSS after the load (MB): bars RSS, lines peak and the 300 MB target"
            x-axis ["project-intake", "post-subsidy"]
            y-axis "MB" 0 --> 336.0
            bar [281.0, 250.0]
            line [305.0, 262.0]
            line [300.0, 300.0]
        ```
        """);
  }

  @Test
  void givenADecimalCommaLocaleAndAFigureNotMeasured_whenRendered_thenDotsAndNoEmptyPoint() {
    Locale locale = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      Charts charts = new Charts();
      charts.latency("(c) decision -> disbursement at 10/s", 41.25, 96.5);
      charts.latency("(c) decision -> disbursement at 100/s", Double.NaN, Double.NaN);
      charts.rss("milestone-review", -1, -1);

      assertThat(charts.render()).contains("bar [96.5]", "line [41.3]").doesNotContain("NaN", "100/s", "RSS");
    } finally {
      Locale.setDefault(locale);
    }
  }

  @Test
  void givenAReportWithCharts_whenRendered_thenTheChartsFollowTheTable() {
    Report report = new Report();
    report.row("(a) submissions/s", "412", "", "", "", "");
    report.charts().throughput("(a) submissions at saturation", 412);

    String text = report.render(Instant.parse("2026-12-06T20:00:00Z"), 1.0);

    assertThat(text.indexOf("| (a) submissions/s |")).isLessThan(text.indexOf("```mermaid"));
    assertThat(text).endsWith("```\n\nfinished 2026-12-06T20:00:00Z, load 1.0\n");
  }
}
