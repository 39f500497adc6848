package org.fundflow.suite;

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
import java.util.concurrent.TimeUnit;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.test.TestJwts;

/**
 * The four services, each a separate JVM started from its own boot jar, on free ports, against the
 * shared broker and store of this test JVM (each service its own database), trusting the test JWT key.
 * Started once per JVM; stopped by a shutdown hook.
 */
public final class RunningSuite {

  public static final List<String> SERVICES = List.of("project-intake", "milestone-review", "post-subsidy", "integrity-check");
  private static final Map<String, String> DATABASES = Map.of(
      "project-intake", "fundflow_intake", "milestone-review", "fundflow_milestone",
      "post-subsidy", "fundflow_subsidy", "integrity-check", "fundflow_integrity");

  private static volatile RunningSuite instance;

  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, Path> logs = new LinkedHashMap<>();

  public static synchronized RunningSuite get() {
    if (instance == null) {
      RunningSuite suite = new RunningSuite();
      suite.start();
      Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "suite-stop"));
      instance = suite;
    }
    return instance;
  }

  public String url(String service) {
    return "http://localhost:" + ports.get(service);
  }

  public Path log(String service) {
    return logs.get(service);
  }

  private void start() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    Path root = repositoryRoot();
    Path logDir = Path.of("target", "suite-logs");
    try {
      Files.createDirectories(logDir);
      for (String service : SERVICES) {
        Path jar = root.resolve("services").resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
          throw new IllegalStateException("no boot jar at " + jar + ": run the reactor build (./mvnw verify) first");
        }
        int port = freePort();
        Path log = logDir.resolve(service + ".log");
        List<String> command = new ArrayList<>(List.of(
            new File(System.getProperty("java.home"), "bin/java").getPath(),
            // the devstack's settings (DevStack.SERVICE_JVM_OPTIONS)
            "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
            "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_MONGODB_URI", infrastructure.mongoUri(DATABASES.get(service)));
        env.put("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", infrastructure.kafkaBootstrapServers());
        env.put("FUNDFLOW_SECURITY_JWT_PUBLIC_KEY", TestJwts.publicKeyBase64());
        env.put("FUNDFLOW_OUTBOX_POLL_INTERVAL", "50ms");
        env.put("MALLOC_ARENA_MAX", "2");
        processes.put(service, builder.start());
        ports.put(service, port);
        logs.put(service, log);
      }
      for (String service : SERVICES) {
        awaitReady(service, Duration.ofSeconds(240));
      }
    } catch (IOException e) {
      stop();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void awaitReady(String service, Duration atMost) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + atMost.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Process process = processes.get(service);
      if (!process.isAlive()) {
        throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + logs.get(service).toAbsolutePath());
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
      try {
        TimeUnit.MILLISECONDS.sleep(500); // polling a process that is starting up: nothing to await on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(service + " not ready after " + atMost + ": " + last + "; see " + logs.get(service).toAbsolutePath());
  }

  public void stop() {
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

  private static Path repositoryRoot() {
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
