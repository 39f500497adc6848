package org.fundflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run drawn as charts for docs/benchmarks.md: Mermaid {@code xychart-beta} blocks (GitHub and most
 * Markdown viewers draw them), one for the latency percentiles (p50 line over p99 bars), one for the throughputs and
 * one for the services' RSS with its peak and the 300 MB target.
 */
final class Charts {

  static final int RSS_TARGET_MB = 300;

  private record Latency(String label, double p50, double p99) {}

  private record Throughput(String label, double perSecond) {}

  private record Rss(String service, long mb, long peakMb) {}

  private final List<Latency> latencies = new ArrayList<>();
  private final List<Throughput> throughputs = new ArrayList<>();
  private final List<Rss> rss = new ArrayList<>();

  synchronized void latency(String label, double p50, double p99) {
    latencies.add(new Latency(label, p50, p99));
  }

  synchronized void throughput(String label, double perSecond) {
    throughputs.add(new Throughput(label, perSecond));
  }

  synchronized void rss(String service, long mb, long peakMb) {
    rss.add(new Rss(service, mb, peakMb));
  }

  /** The charts with figures, each a fenced mermaid block; empty when nothing was recorded. */
  synchronized String render() {
    StringBuilder b = new StringBuilder();
    List<Latency> measured = latencies.stream().filter(l -> Double.isFinite(l.p50()) && Double.isFinite(l.p99())).toList();
    if (!measured.isEmpty()) {
      double top = measured.stream().mapToDouble(Latency::p99).max().orElse(1);
      chart(b, "Latency percentiles (ms): bars p99, line p50", measured.stream().map(Latency::label).toList(),
          "ms", top, List.of(
              "bar " + values(measured.stream().mapToDouble(Latency::p99).toArray()),
              "line " + values(measured.stream().mapToDouble(Latency::p50).toArray())));
    }
    List<Throughput> rates = throughputs.stream().filter(t -> Double.isFinite(t.perSecond())).toList();
    if (!rates.isEmpty()) {
      double top = rates.stream().mapToDouble(Throughput::perSecond).max().orElse(1);
      chart(b, "Throughput (per second)", rates.stream().map(Throughput::label).toList(), "per s", top,
          List.of("bar " + values(rates.stream().mapToDouble(Throughput::perSecond).toArray())));
    }
    List<Rss> memory = rss.stream().filter(r -> r.mb() >= 0).toList();
    if (!memory.isEmpty()) {
      double top = Math.max(RSS_TARGET_MB, memory.stream().mapToLong(r -> Math.max(r.mb(), r.peakMb())).max().orElse(1));
      double[] target = memory.stream().mapToDouble(r -> RSS_TARGET_MB).toArray();
      chart(b, "RSS after the load (MB): bars RSS, lines peak and the " + RSS_TARGET_MB + " MB target",
          memory.stream().map(Rss::service).toList(), "MB", top, List.of(
              "bar " + values(memory.stream().mapToDouble(Rss::mb).toArray()),
              "line " + values(memory.stream().mapToDouble(Rss::peakMb).toArray()),
              "line " + values(target)));
    }
    return b.toString();
  }

  private static void chart(StringBuilder b, String title, List<String> categories, String unit, double top,
      List<String> series) {
    b.append("\n```mermaid\nxychart-beta\n");
    b.append("    title \"").append(quoted(title)).append("\"\n");
    b.append("    x-axis [");
    for (int i = 0; i < categories.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(quoted(categories.get(i))).append('"');
    }
    b.append("]\n");
    b.append("    y-axis \"").append(unit).append("\" 0 --> ").append(number(Math.ceil(top * 1.1))).append('\n');
    series.forEach(s -> b.append("    ").append(s).append('\n'));
    b.append("```\n");
  }

  private static String values(double[] values) {
    List<String> s = new ArrayList<>();
    for (double v : values) {
      s.add(number(v));
    }
    return "[" + String.join(", ", s) + "]";
  }

  /** One decimal, a dot whatever the locale (Mermaid reads no other). */
  private static String number(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Mermaid ends a string at a double quote: none inside. */
  private static String quoted(String text) {
    return text.replace('"', '\'');
  }
}
