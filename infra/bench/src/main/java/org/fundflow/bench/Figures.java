package org.fundflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How the figures are printed, the median of repeated runs, and the machine's load. */
final class Figures {

  private Figures() {
  }

  /** The 1-minute load average, -1 where /proc/loadavg cannot be read. */
  static double loadavg() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The median of the runs of a repeated figure (the upper one of an even number). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The runs of a repeated figure, "230, 178, 117" (one decimal below 100). */
  static String list(double[] values) {
    List<String> s = new ArrayList<>();
    for (double v : values) {
      s.add(v >= 100 ? f0(v) : f1(v));
    }
    return String.join(", ", s);
  }

  /** Loads recorded before and after each run: "8.64->8.91, 8.91->9.16". */
  static String loads(double[] beforeAfter) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i + 1 < beforeAfter.length; i += 2) {
      s.add(f2(beforeAfter[i]) + "->" + f2(beforeAfter[i + 1]));
    }
    return String.join(", ", s);
  }

  static String f0(double v) {
    return String.format("%.0f", v);
  }

  static String f1(double v) {
    return String.format("%.1f", v);
  }

  static String f2(double v) {
    return String.format("%.2f", v);
  }

  static String pct(double ratio) {
    return String.format("%.0f%%", ratio * 100);
  }

  /** RSS against the 300 MB target (issue 15 point 6, issue 20 (f)), judged on the peak (VmHWM): {rss, peak} in MB. */
  static String againstRssTarget(long[] rssAndPeakMb) {
    return pct(rssAndPeakMb[0] / 300.0) + "; peak <= 300 MB: " + (rssAndPeakMb[1] <= 300 ? "met" : "MISSED");
  }
}
