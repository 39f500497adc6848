package org.fundflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportTest {

  private Locale locale;

  @BeforeEach
  void englishNumbers() {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(locale);
  }

  @Test
  void givenRowsAndNotes_whenRendered_thenTheTableOfDocsBenchmarksMd() {
    Report report = new Report();
    report.row("raw: kafka produce->consume p99 ms", "177.7", "runs 230, 178, 117", "", "", "8.64->8.91");
    report.row("(d) hold -> intake refuses submission p50 / p99 ms (20 holds)", "180.4 / 1280.6", "max 1280.6",
        "kafka p99 177.7 ms", "7.2x; target p99 <= 1000 ms: MISSED", "24.01 -> 22.96");
    report.note("(a) non-200 submissions: 3");

    String table = report.render(Instant.parse("2026-12-06T20:00:00Z"), 8.5);

    assertThat(table).isEqualTo("""

        | measure | value | runs / detail | raw limit | ratio / target | load 1-min before->after |
        |---|---|---|---|---|---|
        | raw: kafka produce->consume p99 ms | 177.7 | runs 230, 178, 117 |  |  | 8.64->8.91 |
        | (d) hold -> intake refuses submission p50 / p99 ms (20 holds) | 180.4 / 1280.6 | max 1280.6 | kafka p99 177.7 ms | 7.2x; target p99 <= 1000 ms: MISSED | 24.01 -> 22.96 |

        note: (a) non-200 submissions: 3

        finished 2026-12-06T20:00:00Z, load 8.5
        """);
  }

  @Test
  void givenRuns_whenFormatted_thenAsTheTablePrintsThem() {
    assertThat(Figures.list(new double[] {229.6, 178.2, 69.14})).isEqualTo("230, 178, 69.1");
    assertThat(Figures.loads(new double[] {8.641, 8.909, 8.91, 9.16})).isEqualTo("8.64->8.91, 8.91->9.16");
    assertThat(Figures.median(new double[] {230, 117, 178})).isEqualTo(178);
    assertThat(Figures.median(new double[] {4})).isEqualTo(4);
    assertThat(Figures.pct(0.506)).isEqualTo("51%");
    assertThat(Figures.f1(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void givenBenchArgs_whenParsed_thenOptions() {
    assertThat(Bench.Options.parse(new String[] {""})).isEqualTo(new Bench.Options(false, 3, "a,c,d,f"));
    assertThat(Bench.Options.parse(new String[] {"quick only=c"})).isEqualTo(new Bench.Options(false, 1, "c"));
    assertThat(Bench.Options.parse(new String[] {"raw-only"})).isEqualTo(new Bench.Options(true, 3, "a,c,d,f"));
  }
}
