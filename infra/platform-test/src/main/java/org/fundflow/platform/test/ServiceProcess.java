package org.fundflow.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * One Fundflow service as a separate JVM started from its boot jar ({@code services/<name>/target/<name>-0.1.0-SNAPSHOT.jar})
 * on a fixed port, against a given broker and store, trusting the {@link TestJwts} key. It can be killed
 * ({@code kill -9}), stopped gracefully and started again on the same port; its output is appended to one log file.
 * Used by the suite tests, the fault tests and the benchmark.
 */
public final class ServiceProcess {

  public static final List<String> SERVICES = List.of("project-intake", "milestone-review", "post-subsidy", "integrity-check");
  public static final Map<String, String> DATABASES = Map.of(
      "project-intake", "fundflow_intake", "milestone-review", "fundflow_milestone",
      "post-subsidy", "fundflow_subsidy", "integrity-check", "fundflow_integrity");
  /**
   * The devstack's JVM settings of a service (DevStack.SERVICE_JVM_OPTIONS), for the launchers that stand for
   * it: suite-tests and the benchmark. A service keeps ~45-50 MB live after a GC under load; the heap is sized to
   * that (32 MB to start, 20-40 % free after a collection, at most 128 MB), which keeps the RSS under 300 MB
   * (a fixed 128 MB heap had every page touched once the old generation filled: 330-341 MB, issue 15).
   */
  public static final List<String> DEVSTACK_JVM_OPTIONS = List.of("-Xmx128m", "-Xms32m", "-XX:MinHeapFreeRatio=20",
      "-XX:MaxHeapFreeRatio=40", "-XX:NewRatio=3", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:TrimNativeHeapInterval=5000");

  private final String name;
  private final Path jar;
  private final int port;
  private final Path log;
  private final List<String> jvmOptions;
  private final Map<String, String> env;
  private volatile Process process;

  private ServiceProcess(String name, Path jar, int port, Path log, List<String> jvmOptions, Map<String, String> env) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.log = log;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.env = Map.copyOf(env);
  }

  /**
   * A service on a free port, not started yet.
   *
   * @param mongoUri the store, without a database: the service's own database is appended
   * @param extraEnv added to (and overriding) the environment the platform needs
   */
  public static ServiceProcess of(String name, String kafkaBootstrapServers, String mongoUri, List<String> jvmOptions,
      Map<String, String> extraEnv, Path logDir) {
    Path jar = bootJar(name);
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", String.valueOf(port));
    env.put("SPRING_MONGODB_URI", withDatabase(mongoUri, DATABASES.get(name)));
    env.put("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafkaBootstrapServers);
    env.put("FUNDFLOW_SECURITY_JWT_PUBLIC_KEY", TestJwts.publicKeyBase64());
    env.put("FUNDFLOW_OUTBOX_POLL_INTERVAL", "50ms");
    // awards are final at once in the suites, journeys, bench and fault tests (no 7-day public notice, issue 17
    // point 2); a scenario that tests the notice passes its own period in extraEnv. Only project-intake reads it.
    env.put("FUNDFLOW_INTAKE_AWARD_NOTICE_PERIOD", "PT0S");
    env.putAll(extraEnv);
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServiceProcess(name, jar, port, logDir.resolve(name + ".log"), jvmOptions, env);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time (user + system) of a process so far in ms, from /proc/pid/stat (benchmarks); -1 when unknown. */
  public static long cpuMillisOf(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command; clock ticks of 10 ms
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Starts the JVM (again, after a kill or stop: same port, same log, appended). */
  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " runs already (pid " + process.pid() + ")");
    }
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Polls the readiness probe until it answers 200; fails when the process exits or the time is up. */
  public void awaitReady(Duration atMost) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + atMost.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException(name + " is not running" + (p == null ? "" : " (exit " + p.exitValue() + ")")
            + "; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
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
      pause(300); // a process starting up: nothing to await on but its port
    }
    throw new IllegalStateException(name + " not ready after " + atMost + ": " + last + "; see " + log.toAbsolutePath());
  }

  /** {@code kill -9}: no shutdown hook, no graceful close of consumers, relay leases left behind. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    waitForExit(p, 30);
  }

  /** SIGTERM (Spring's graceful shutdown), then SIGKILL if it has not exited within {@code timeout}. */
  public synchronized void stop(Duration timeout) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    if (!waitForExit(p, timeout.toSeconds())) {
      p.destroyForcibly();
      waitForExit(p, 30);
    }
  }

  /** Starts every service, then waits for all of them to be ready; stops them all if one does not get ready. */
  public static void startAll(List<ServiceProcess> services, Duration atMost) {
    try {
      services.forEach(ServiceProcess::start);
      services.forEach(s -> s.awaitReady(atMost));
    } catch (RuntimeException e) {
      stopAll(services);
      throw e;
    }
  }

  public static void stopAll(List<ServiceProcess> services) {
    services.forEach(s -> {
      Process p = s.process;
      if (p != null) {
        p.destroy();
      }
    });
    services.forEach(s -> s.stop(Duration.ofSeconds(20)));
  }

  /**
   * What a service is started from: its boot jar as unpacked at package time ({@code target/extracted}: it starts in
   * about half the time, issue 20 (e)), or the boot jar itself where that is missing or older.
   */
  public static Path bootJar(String service) {
    Path jar = repositoryRoot().resolve("services").resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no boot jar at " + jar + ": build the services first (./mvnw -DskipTests package)");
    }
    return unpacked(jar);
  }

  /** The unpacked application jar beside a boot jar, if it was unpacked from this boot jar; else the boot jar. */
  static Path unpacked(Path bootJar) {
    Path extracted = bootJar.resolveSibling("extracted").resolve(bootJar.getFileName());
    try {
      // the unpacked jar carries the boot jar's time; zip times may be rounded to 2 s
      return Files.isRegularFile(extracted) && Files.getLastModifiedTime(extracted).toMillis()
          >= Files.getLastModifiedTime(bootJar).toMillis() - 2000 ? extracted : bootJar;
    } catch (IOException e) {
      return bootJar;
    }
  }

  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("services"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String withDatabase(String mongoUri, String database) {
    int query = mongoUri.indexOf('?');
    String hosts = query < 0 ? mongoUri : mongoUri.substring(0, query);
    String params = query < 0 ? "" : mongoUri.substring(query);
    while (hosts.endsWith("/")) {
      hosts = hosts.substring(0, hosts.length() - 1);
    }
    return hosts + "/" + database + params;
  }

  private static boolean waitForExit(Process p, long seconds) {
    try {
      return p.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
