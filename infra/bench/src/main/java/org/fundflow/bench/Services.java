package org.fundflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;

/**
 * The four services as separate JVMs from their boot jars (as infra/suite-tests' RunningSuite does), with the
 * devstack's JVM settings (DevStack.SERVICE_JVM_OPTIONS and MALLOC_ARENA_MAX=2) and its outbox poll interval (the
 * default), against the broker and store of this JVM. Started all at
 * once; each one's start-up time is measured from process start to readiness 200 (UP).
 */
final class Services {

  static final List<String> NAMES = List.of("project-intake", "milestone-review", "post-subsidy", "integrity-check");
  private static final Map<String, String> DATABASES = Map.of(
      "project-intake", "fundflow_intake", "milestone-review", "fundflow_milestone",
      "post-subsidy", "fundflow_subsidy", "integrity-check", "fundflow_integrity");

  final Map<String, Process> processes = new LinkedHashMap<>();
  final Map<String, Integer> ports = new LinkedHashMap<>();
  final Map<String, Path> logs = new LinkedHashMap<>();
  final Map<String, Long> startupMillis = new LinkedHashMap<>();

  String url(String service) {
    return "http://localhost:" + ports.get(service);
  }

  void start(SharedInfrastructure infrastructure) throws IOException {
    Path root = repositoryRoot();
    Path logDir = root.resolve("infra/bench/target/bench-logs");
    Files.createDirectories(logDir);
    Map<String, Long> started = new LinkedHashMap<>();
    for (String service : NAMES) {
      Path jar = root.resolve("services").resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
      if (!Files.exists(jar)) {
        throw new IllegalStateException("no boot jar at " + jar + ": run ./mvnw -B -ntp -DskipTests package first");
      }
      int port = freePort();
      Path log = logDir.resolve(service + ".log");
      List<String> command = new ArrayList<>(List.of(
          new File(System.getProperty("java.home"), "bin/java").getPath(),
          "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k"));
      // only for profiling a run (e.g. -XX:StartFlightRecording=...): not part of the measured settings
      String extra = System.getenv("BENCH_SERVICE_JVM_OPTS");
      if (extra != null && !extra.isBlank()) {
        for (String option : extra.trim().split("\\s+")) {
          command.add(option.replace("{service}", service));
        }
      }
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("SERVER_PORT", String.valueOf(port));
      env.put("SPRING_MONGODB_URI", infrastructure.mongoUri(DATABASES.get(service)));
      env.put("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
      env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", infrastructure.kafkaBootstrapServers());
      env.put("FUNDFLOW_SECURITY_JWT_PUBLIC_KEY", TestJwts.publicKeyBase64());
      env.put("MALLOC_ARENA_MAX", "2");
      started.put(service, System.nanoTime());
      processes.put(service, builder.start());
      ports.put(service, port);
      logs.put(service, log);
    }
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (String service : NAMES) {
      ready.add(CompletableFuture.runAsync(() -> {
        awaitReady(service, Duration.ofSeconds(600)); // not a target: only measured (5 min was exceeded at load 32)
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

  /** CPU time (user + system) of the service's JVM so far in ms, from /proc/pid/stat; -1 when unknown. */
  long cpuMillis(String service) {
    return cpuMillisOf(processes.get(service).pid());
  }

  static long cpuMillisOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command; clock ticks of 10 ms
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
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

  private void awaitReady(String service, Duration atMost) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + atMost.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Process process = processes.get(service);
      if (!process.isAlive()) {
        throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + logs.get(service));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200); // polling a process that is starting up
    }
    throw new IllegalStateException(service + " not ready after " + atMost + ": " + last + "; see " + logs.get(service));
  }

  void stop() {
    processes.values().forEach(Process::destroy);
    for (Process p : processes.values()) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("services"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
