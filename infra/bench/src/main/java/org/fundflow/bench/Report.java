package org.fundflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fundflow.platform.test.ServiceProcess;

/**
 * The result table of a run (docs/benchmarks.md): one row per figure, printed as it is measured ({@code [bench] |
 * ... |}) and again, with the charts ({@link Charts}) and the notes, at the end, where it is also written to
 * infra/bench/target/bench-result.md.
 */
final class Report {

  static final String HEADER = "| measure | value | runs / detail | raw limit | ratio / target | load 1-min before->after |";

  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Charts charts = new Charts();

  /** The figures drawn below the table (latency percentiles, throughput, RSS). */
  Charts charts() {
    return charts;
  }

  /** A progress line. */
  static void say(String s) {
    System.out.println("[bench] " + s);
    System.out.flush();
  }

  synchronized void row(String measure, String value, String detail, String raw, String ratio, String load) {
    rows.add(new String[] {measure, value, detail, raw, ratio, load});
    say("| " + String.join(" | ", measure, value, detail, raw, ratio, load) + " |");
  }

  synchronized void note(String note) {
    notes.add(note);
  }

  /** The table, then the charts, then the notes, then when the run finished and at which load. */
  synchronized String render(Instant finished, double load) {
    StringBuilder b = new StringBuilder("\n").append(HEADER).append('\n');
    b.append("|---|---|---|---|---|---|\n");
    for (String[] r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    b.append(charts.render());
    for (String n : notes) {
      b.append("\nnote: ").append(n).append('\n');
    }
    b.append("\nfinished ").append(finished).append(", load ").append(load).append('\n');
    return b.toString();
  }

  /** Prints the table and writes it to infra/bench/target/bench-result.md. */
  void print() {
    String table = render(Instant.now(), Figures.loadavg());
    System.out.println(table);
    try {
      Path out = ServiceProcess.repositoryRoot().resolve("infra/bench/target/bench-result.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, table);
    } catch (IOException | RuntimeException e) {
      System.out.println("could not write target/bench-result.md: " + e);
    }
  }
}
