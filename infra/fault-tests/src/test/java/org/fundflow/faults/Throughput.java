package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Lifecycles finished per minute between two counts of the clients' finished lifecycles. */
record Throughput(int from, int to, long fromMillis, long millis) {

  /** Lets {@code warmUp} more lifecycles finish, then times the next {@code count}. */
  static Throughput measure(AtomicInteger finished, int warmUp, int count) {
    int from = finished.get() + warmUp;
    await("warm-up to " + from + " lifecycles").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> finished.get() >= from);
    long start = System.currentTimeMillis();
    int to = from + count;
    await("lifecycles " + from + "-" + to).atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> finished.get() >= to);
    return new Throughput(from, to, start, System.currentTimeMillis() - start);
  }

  double perMinute() {
    return (to - from) * 60_000.0 / millis;
  }

  String range() {
    return from + "-" + to;
  }

  @Override
  public String toString() {
    return String.format("%.1f lifecycles/min (%d in %.1f s)", perMinute(), to - from, millis / 1000.0);
  }
}
