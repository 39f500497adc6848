package org.fundflow.bench;

import static org.fundflow.bench.Figures.againstRssTarget;
import static org.fundflow.bench.Figures.f1;
import static org.fundflow.bench.Figures.f2;
import static org.fundflow.bench.Figures.loadavg;

import java.time.Duration;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * (e) start-up and memory: the four services started together, each one's time to readiness, then each started again
 * alone; after all the load,
 * each one's RSS (and peak) against the 300 MB target.
 */
final class StartupPhase {

  private final Report report;

  StartupPhase(Report report) {
    this.report = report;
  }

  /** Starts the services (the caller stops them) and reports their start-up times. */
  void start(Services services, SharedInfrastructure infra) throws Exception {
    double l0 = loadavg();
    services.start(infra);
    double l1 = loadavg();
    for (String s : Services.NAMES) {
      double seconds = services.startupMillis.get(s) / 1000.0;
      report.row("(e) start-up s: " + s + " (4 JVMs started together)", f1(seconds), "", "",
          "target <= 40 s: " + (seconds <= 40 ? "met" : "MISSED"), f2(l0) + " -> " + f2(l1));
    }
    for (String s : Services.NAMES) {
      services.awaitQuiet(Duration.ofSeconds(30));
      double la = loadavg();
      double seconds = services.restartAlone(s) / 1000.0;
      report.row("(e) start-up s: " + s + " alone (stopped and started again, the others idle)", f1(seconds), "", "",
          "target <= 15 s: " + (seconds <= 15 ? "met" : "MISSED"), f2(la) + " -> " + f2(loadavg()));
    }
  }

  /** The RSS of each service after the load (and, with NativeMemoryTracking, its native memory summary). */
  void memoryAfterLoad(Services services) {
    for (String s : Services.NAMES) {
      long[] rss = services.rssMb(s);
      services.dumpNativeMemory(s);
      report.charts().rss(s, rss[0], rss[1]);
      report.row("(e) RSS MB after the load: " + s, String.valueOf(rss[0]), "peak (VmHWM) " + rss[1], "300 MB target",
          againstRssTarget(rss), f2(loadavg()));
    }
  }
}
