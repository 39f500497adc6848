package org.fundflow.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the devstack is still waiting for, said every {@link #EVERY} while it starts: a start that takes a minute on a
 * loaded machine shows which part is slow instead of staying silent.
 */
final class StartupProgress implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(10);

  private final LongSupplier nanos;
  private final Map<String, Long> waiting = new LinkedHashMap<>();
  private ScheduledExecutorService timer;

  StartupProgress(LongSupplier nanos) {
    this.nanos = nanos;
  }

  synchronized void waitingFor(String name) {
    waiting.put(name, nanos.getAsLong());
  }

  synchronized void done(String name) {
    waiting.remove(name);
  }

  /** "still waiting for kafka (12 s), project-intake (3 s)", or null when nothing is awaited. */
  synchronized String line() {
    if (waiting.isEmpty()) {
      return null;
    }
    long now = nanos.getAsLong();
    StringBuilder line = new StringBuilder("[devstack] still waiting for ");
    waiting.forEach((name, since) -> line.append(name).append(" (")
        .append(TimeUnit.NANOSECONDS.toSeconds(now - since)).append(" s), "));
    line.setLength(line.length() - 2);
    return line.toString();
  }

  /** Prints {@link #line()} every {@code every} on a daemon thread until closed. */
  StartupProgress report(PrintStream out, Duration every) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "devstack-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> {
      String line = line();
      if (line != null) {
        out.println(line);
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
