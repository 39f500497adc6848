package org.fundflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fundflow.platform.test.ServiceProcess;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * The four services as separate JVMs from their boot jars ({@link ServiceProcess}), with the
 * devstack's JVM settings (DevStack.SERVICE_JVM_OPTIONS and MALLOC_ARENA_MAX=2) and its outbox poll interval (the
 * default), against the broker and store of this JVM. Started all at
 * once; each one's start-up time is measured from process start to readiness 200 (UP).
 */
final class Services {

  static final List<String> NAMES = ServiceProcess.SERVICES;

  final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  final Map<String, Long> startupMillis = new LinkedHashMap<>();

  String url(String service) {
    return processes.get(service).url();
  }

  void start(SharedInfrastructure infrastructure) throws IOException {
    Path logDir = ServiceProcess.repositoryRoot().resolve("infra/bench/target/bench-logs");
    Map<String, Long> started = new LinkedHashMap<>();
    for (String service : NAMES) {
      List<String> options = new ArrayList<>(ServiceProcess.DEVSTACK_JVM_OPTIONS);
      // only for profiling a run (e.g. -XX:StartFlightRecording=...): not part of the measured settings
      String extra = System.getenv("BENCH_SERVICE_JVM_OPTS");
      if (extra != null && !extra.isBlank()) {
        for (String option : extra.trim().split("\\s+")) {
          options.add(option.replace("{service}", service));
        }
      }
      // the devstack's outbox poll interval: the platform default (ServiceProcess sets 50ms for the tests)
      ServiceProcess process = ServiceProcess.of(service, infrastructure.kafkaBootstrapServers(),
          infrastructure.mongoUri(""), options, Map.of("MALLOC_ARENA_MAX", "2", "FUNDFLOW_OUTBOX_POLL_INTERVAL", "200ms"),
          logDir);
      processes.put(service, process);
      started.put(service, System.nanoTime());
      process.start();
    }
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (String service : NAMES) {
      ready.add(CompletableFuture.runAsync(() -> {
        processes.get(service).awaitReady(Duration.ofSeconds(600)); // not a target: only measured (5 min was exceeded at load 32)
        startupMillis.put(service, (System.nanoTime() - started.get(service)) / 1_000_000);
      }));
    }
    try {
      ready.forEach(CompletableFuture::join);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /**
   * Stops one service and starts it again alone (the others running, idle): its start-up time on its own in ms.
   */
  long restartAlone(String service) {
    ServiceProcess process = processes.get(service);
    process.stop(Duration.ofSeconds(20));
    long start = System.nanoTime();
    process.start();
    process.awaitReady(Duration.ofSeconds(600));
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** CPU time (user + system) of the service's JVM so far in ms, from /proc/pid/stat; -1 when unknown. */
  long cpuMillis(String service) {
    return ServiceProcess.cpuMillisOf(processes.get(service).pid());
  }

  /**
   * Waits, at most {@code atMost}, until the services are idle: less than a fifth of a core between them over one
   * second. A latency phase then measures at its own rate, not behind the previous phase's backlog. Returns the
   * milliseconds waited.
   */
  long awaitQuiet(Duration atMost) {
    long start = System.nanoTime();
    long deadline = start + atMost.toNanos();
    Map<String, Long> first = cpuMillisByService();
    long before = total(first);
    while (System.nanoTime() < deadline) {
      sleep(1000);
      long now = total(cpuMillisByService());
      if (now - before < 200) {
        break;
      }
      before = now;
    }
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (waited > 1000) { // who was still busy: CPU ms each service spent while we waited
      Map<String, Long> busy = new LinkedHashMap<>();
      cpuMillisByService().forEach((service, ms) -> busy.put(service, ms - first.get(service)));
      Report.say("CPU ms of each service while waiting " + waited + " ms for them to be idle: " + busy);
    }
    return waited;
  }

  private Map<String, Long> cpuMillisByService() {
    Map<String, Long> cpu = new LinkedHashMap<>();
    NAMES.forEach(service -> cpu.put(service, cpuMillis(service)));
    return cpu;
  }

  private static long total(Map<String, Long> cpuMillis) {
    return cpuMillis.values().stream().mapToLong(Long::longValue).sum();
  }

  /** VmRSS and VmHWM (peak) of the service's JVM in MB, from /proc/pid/status. */
  long[] rssMb(String service) {
    long pid = processes.get(service).pid();
    long rss = -1;
    long hwm = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } else if (line.startsWith("VmHWM:")) {
          hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // not Linux or the process is gone: reported as -1
    }
    return new long[] {rss, hwm};
  }

  /**
   * With -XX:NativeMemoryTracking in BENCH_SERVICE_JVM_OPTS: the service's native memory summary (heap,
   * metaspace, code cache, threads, ...) written to bench-logs/&lt;service&gt;-native-memory.txt, to see what its
   * RSS is made of.
   */
  void dumpNativeMemory(String service) {
    if (!System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", "").contains("NativeMemoryTracking")) {
      return;
    }
    Path out = ServiceProcess.repositoryRoot().resolve("infra/bench/target/bench-logs/" + service + "-native-memory.txt");
    long pid = processes.get(service).pid();
    try {
      new ProcessBuilder("jcmd", String.valueOf(pid), "VM.native_memory", "summary")
          .redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor(30, TimeUnit.SECONDS);
      // what the kernel counts: anonymous (heap, malloc, direct buffers) against file-backed (jars, CDS archive)
      Files.writeString(out, "\n/proc/" + pid + "/smaps_rollup:\n"
          + Files.readString(Path.of("/proc", String.valueOf(pid), "smaps_rollup")), java.nio.file.StandardOpenOption.APPEND);
      // the heap as the load left it, then what is live in it (the histogram collects first): a heap that grew
      // for transient data against one that holds more
      Path heap = out.resolveSibling(service + "-heap.txt");
      new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info")
          .redirectErrorStream(true).redirectOutput(heap.toFile()).start().waitFor(30, TimeUnit.SECONDS);
      new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(heap.toFile())).start()
          .waitFor(60, TimeUnit.SECONDS);
      if (System.getenv("BENCH_SERVICE_JVM_OPTS").contains("NativeMemoryTracking=detail")) {
        // every mapping the JVM made, to set against every mapping the kernel counts: what is left is native
        // memory no JVM accounting sees (malloc of native libraries, the C heap's own overhead)
        Path detail = out.resolveSibling(service + "-native-memory-detail.txt");
        new ProcessBuilder("jcmd", String.valueOf(pid), "VM.native_memory", "detail")
            .redirectErrorStream(true).redirectOutput(detail.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        Files.copy(Path.of("/proc", String.valueOf(pid), "smaps"), out.resolveSibling(service + "-smaps.txt"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // no jcmd: nothing to write
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    ServiceProcess.stopAll(List.copyOf(processes.values()));
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
