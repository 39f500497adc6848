package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lifecycles finished per minute between two counts of the clients' finished lifecycles, with the machine's
 * 1-minute load average at the end (two figures are only comparable at a similar load).
 */
record Throughput(int from, int to, long fromMillis, long millis, String load) {

  /** Lets {@code warmUp} more lifecycles finish, then times the next {@code count}. */
  static Throughput measure(AtomicInteger finished, int warmUp, int count) {
    int from = finished.get() + warmUp;
    await("warm-up to " + from + " lifecycles").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> finished.get() >= from);
    long start = System.currentTimeMillis();
    int to = from + count;
    await("lifecycles " + from + "-" + to).atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> finished.get() >= to);
    return new Throughput(from, to, start, System.currentTimeMillis() - start, loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  double perMinute() {
    return (to - from) * 60_000.0 / millis;
  }

  String range() {
    return from + "-" + to;
  }

  @Override
  public String toString() {
    return String.format("%.1f lifecycles/min (%d in %.1f s, load average %s)", perMinute(), to - from,
        millis / 1000.0, load);
  }
}
