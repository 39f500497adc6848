package org.fundflow.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.fundflow.devstack.kafka.KafkaBroker;
import org.fundflow.devstack.kafka.KafkaCluster;
import org.fundflow.devstack.mail.MailServer;
import org.fundflow.devstack.oidc.DemoUser;
import org.fundflow.devstack.oidc.OidcProvider;

/**
 * Starts the whole suite locally: Kafka (KRaft), the Mongo-wire store, the OpenID Connect provider
 * and the four services, each as a child process with its log in {@code .devstack/logs}. Runs until
 * Ctrl-C / SIGTERM, then stops the services first and the infrastructure after them.
 *
 * <pre>
 * java -cp ... org.fundflow.devstack.DevStack [--root DIR] [--no-services] [--exit-when-ready] [--scale-out]
 * </pre>
 *
 * Usually started with {@code ./mvnw -B -DskipTests -Pdevstack verify} from the repository root. With
 * {@code --scale-out} (or {@code FUNDFLOW_DEVSTACK_SCALE_OUT=true}, issue 21) Kafka is a 3-broker KRaft cluster
 * (replication factor 3, min.insync.replicas 2, 6 partitions per new topic) and each of the four services runs a
 * second replica on its port + 10000 in the same consumer group; the portal keeps calling the first replicas
 * (it takes one address per service: a load balancer or a Kubernetes Service spreads the calls in production).
 */
public final class DevStack {

  static final int STORE_PORT = 27017;
  static final int OIDC_PORT = 8090;
  static final String OIDC_BASE = "http://localhost:" + OIDC_PORT;
  static final String ISSUER = OIDC_BASE + "/" + OidcProvider.ISSUER_ID;
  static final int MAIL_PORT = MailServer.DEFAULT_PORT;
  static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
  static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
  static final String VERSION = "0.1.0-SNAPSHOT";

  /** A service of the suite: name (= module folder and jar prefix), port and its database suffix. */
  record Service(String name, int port, String database) {
    /** The boot jar as unpacked at package time (starts in about half the time), else the boot jar itself. */
    Path jar(Path root) {
      Path bootJar = root.resolve("services").resolve(name).resolve("target").resolve(name + "-" + VERSION + ".jar");
      Path extracted = bootJar.resolveSibling("extracted").resolve(bootJar.getFileName());
      try {
        // unpacked from this boot jar: it carries the boot jar's time (zip times may be rounded to 2 s)
        return Files.isRegularFile(extracted) && Files.getLastModifiedTime(extracted).toMillis()
            >= Files.getLastModifiedTime(bootJar).toMillis() - 2000 ? extracted : bootJar;
      } catch (IOException e) {
        return bootJar;
      }
    }
  }

  static final List<Service> SERVICES = List.of(
      new Service("project-intake", 8081, "intake"),
      new Service("milestone-review", 8082, "milestone"),
      new Service("post-subsidy", 8083, "subsidy"),
      new Service("integrity-check", 8084, "integrity"),
      new Service("portal", 8080, "portal"));

  static final String PORTAL_URL = "http://localhost:8080";
  /** Client and controller port of each node of the {@code --scale-out} cluster (the first is the usual broker's). */
  static final List<int[]> CLUSTER_PORTS = List.of(new int[] {KafkaBroker.PORT, KafkaBroker.CONTROLLER_PORT},
      new int[] {9094, 9095}, new int[] {9096, 9097});
  /** A service's second replica (--scale-out) listens on its port + this. */
  static final int REPLICA_PORT_OFFSET = 10_000;

  /** The first thing a newcomer reads: where to go and who to be. */
  static String portalInvitation() {
    DemoUser applicant = DemoUser.all().get(0);
    return "open " + PORTAL_URL + " and log in as " + applicant.username() + " (" + applicant.displayName()
        + ", an applicant) or any other demo user on the login page";
  }

  private final Path root;
  private final Path home;
  private final Path logs;
  private final Path pids;
  private final String java;
  private final String classpath;
  private final boolean withServices;
  private final boolean scaleOut;
  private PrintStream out = System.out;

  private final List<Child> infrastructure = new ArrayList<>(); // kafka, store, oidc (stop in this order)
  private final Map<Service, Child> services = new LinkedHashMap<>();
  private final StartupProgress progress = new StartupProgress(System::nanoTime);
  private final Map<String, String> status = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  DevStack(Path root, boolean withServices, boolean scaleOut) {
    this.root = root.toAbsolutePath().normalize();
    this.home = this.root.resolve(".devstack");
    this.logs = home.resolve("logs");
    this.pids = home.resolve("pids");
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.classpath = System.getProperty("java.class.path");
    this.withServices = withServices;
    this.scaleOut = scaleOut;
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // before the first logger is created: the children use logback.xml (INFO), we stay quiet
      System.setProperty("logback.configurationFile", "logback-devstack.xml");
    }
    Path root = Path.of(System.getProperty("user.dir"));
    boolean withServices = true;
    boolean exitWhenReady = false;
    boolean scaleOut = Boolean.parseBoolean(System.getenv("FUNDFLOW_DEVSTACK_SCALE_OUT"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--no-services" -> withServices = false;
        case "--exit-when-ready" -> exitWhenReady = true;
        case "--scale-out" -> scaleOut = true;
        default -> {
          System.err.println("unknown argument " + args[i]
              + " (known: --root DIR, --no-services, --exit-when-ready, --scale-out)");
          System.exit(64);
        }
      }
    }
    int code = new DevStack(root, withServices, scaleOut).run(exitWhenReady);
    System.exit(code);
  }

  int run(boolean exitWhenReady) throws Exception {
    long start = System.nanoTime();
    if (!Files.isDirectory(root.resolve("services")) || !Files.exists(root.resolve("pom.xml"))) {
      out.println("[devstack] " + root + " does not look like the Fundflow repository root (no pom.xml/services)."
          + " Run from the root or pass --root.");
      return 64;
    }
    List<Service> toStart = new ArrayList<>();
    if (withServices) {
      for (Service s : SERVICES) {
        if (Files.isRegularFile(s.jar(root))) {
          String problem = notRunnable(s.jar(root));
          if (problem == null) {
            toStart.add(s);
          } else {
            status.put(s.name(), "NOT RUNNABLE");
            out.println("[devstack] " + s.name() + ": " + root.relativize(s.jar(root)) + " " + problem + " - not started");
          }
        } else {
          status.put(s.name(), "NOT BUILT");
          out.println("[devstack] " + s.name() + ": " + root.relativize(s.jar(root))
              + " does not exist - not started (build it: ./mvnw -B -DskipTests -pl services/" + s.name() + " -am package)");
        }
      }
    }
    if (!portsFree(toStart)) {
      return 3;
    }
    Files.createDirectories(pids);
    Files.createDirectories(logs);
    // our own lines also go to .devstack/logs/devstack.log: after a Ctrl-C under Maven, Maven (which
    // relays our stdout) is usually gone before we have finished stopping the children
    out = new PrintStream(new Tee(System.out, Files.newOutputStream(logs.resolve("devstack.log"))), true, StandardCharsets.UTF_8);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shutdown();
      stopped.countDown();
      if (!exitWhenReady) {
        // stopped on purpose (Ctrl-C / SIGTERM) and cleanly: exit 0 rather than 130/143, so that
        // the Maven build that ran us does not end in an error
        Runtime.getRuntime().halt(0);
      }
    }, "devstack-shutdown"));

    out.println("[devstack] when everything is up: " + portalInvitation());
    out.println("[devstack] starting infrastructure, data in " + home + ", logs in " + logs);
    Child store = startChild("store", List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-cp", classpath,
        "org.fundflow.devstack.store.MongoWireStore", "--port", String.valueOf(STORE_PORT),
        "--file", home.resolve("store").resolve("fundflow.mv").toString(), "--exit-on-stdin-eof"), Map.of());
    Child oidc = startChild("oidc", List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", classpath,
        "org.fundflow.devstack.oidc.OidcProvider", "--port", String.valueOf(OIDC_PORT), "--exit-on-stdin-eof"), Map.of());
    Child mail = startChild("mail", List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath,
        "org.fundflow.devstack.mail.MailServer", "--port", String.valueOf(MAIL_PORT),
        "--dir", home.resolve("mail").toString(), "--exit-on-stdin-eof"), Map.of());
    List<Child> kafkaNodes = startKafka();
    if (kafkaNodes == null) {
      return 4;
    }
    Child kafka = kafkaNodes.get(0);
    // stop order: kafka after the services, then the store, then the identity provider and the mail server
    infrastructure.addAll(kafkaNodes);
    infrastructure.add(store);
    infrastructure.add(oidc);
    infrastructure.add(mail);

    progress.report(out, StartupProgress.EVERY);
    CompletableFuture<Boolean> kafkaReady = CompletableFuture.supplyAsync(() -> await("kafka", kafka, this::kafkaUp, INFRA_TIMEOUT, start));
    CompletableFuture<Boolean> storeReady = CompletableFuture.supplyAsync(() -> await("store", store, this::storeUp, INFRA_TIMEOUT, start));
    CompletableFuture<Boolean> oidcReady = CompletableFuture.supplyAsync(() -> await("oidc", oidc, this::oidcUp, INFRA_TIMEOUT, start));
    CompletableFuture<Boolean> mailReady = CompletableFuture.supplyAsync(() -> await("mail", mail, this::mailUp, INFRA_TIMEOUT, start));
    boolean infraOk = kafkaReady.join() & storeReady.join() & oidcReady.join() & mailReady.join();
    long infraMillis = Child.millisSince(start);
    if (!infraOk) {
      progress.close();
      out.println("[devstack] infrastructure did not come up - stopping. See the logs above and in " + logs);
      printTable(infraMillis, -1);
      return 5;
    }
    out.printf("[devstack] infrastructure ready in %.1f s%n", infraMillis / 1000.0);

    long servicesStart = System.nanoTime();
    List<CompletableFuture<Boolean>> ready = new ArrayList<>();
    for (Service s : withReplicas(toStart)) {
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(SERVICE_JVM_OPTIONS);
      command.addAll(List.of("-jar", s.jar(root).toString()));
      String name = childName(s);
      Child child = startChild(name, command, serviceEnvironment(s, bootstrapServers(), scaleOut));
      services.put(s, child);
      ready.add(CompletableFuture.supplyAsync(() -> await(name, child, () -> healthUp(s), SERVICE_TIMEOUT, servicesStart)));
    }
    ready.forEach(CompletableFuture::join);
    progress.close();
    long totalMillis = Child.millisSince(start);
    printTable(infraMillis, totalMillis);
    if (exitWhenReady) {
      return 0; // the shutdown hook stops everything
    }
    out.println("[devstack] running - " + portalInvitation() + ". Press Ctrl-C to stop everything.");
    watchForUnexpectedExits();
    stopped.await();
    return 0;
  }

  // ---------------------------------------------------------------- start

  /** The one broker, or with --scale-out the three nodes of the cluster (data in .devstack/kafka-cluster). */
  private List<Child> startKafka() throws IOException, InterruptedException {
    List<KafkaBroker> brokers;
    String clusterId;
    if (scaleOut) {
      KafkaCluster cluster = new KafkaCluster(home.resolve("kafka-cluster"), CLUSTER_PORTS);
      brokers = cluster.brokers();
      clusterId = cluster.clusterId();
    } else {
      KafkaBroker broker = new KafkaBroker(home.resolve("kafka"));
      brokers = List.of(broker);
      clusterId = broker.clusterId();
    }
    List<Child> nodes = new ArrayList<>();
    for (KafkaBroker broker : brokers) {
      String name = scaleOut ? "kafka-" + broker.nodeId() : "kafka";
      broker.writeProperties();
      if (!broker.isFormatted()) {
        out.println("[devstack] " + name + ": formatting " + broker.dataDir() + " (cluster id " + clusterId + ")");
        Child format = Child.start(name + "-format", broker.formatCommand(java, classpath, clusterId), Map.of(), root, logs);
        if (!format.process.waitFor(60, TimeUnit.SECONDS) || format.process.exitValue() != 0) {
          format.process.destroyForcibly();
          out.println("[devstack] " + name + ": formatting the storage FAILED, see " + format.log + ":");
          out.println(format.tail(20));
          return null;
        }
      } else {
        out.println("[devstack] " + name + ": reusing " + broker.dataDir() + " (cluster id " + clusterId + ")");
      }
      nodes.add(startChild(name, broker.brokerCommand(java, classpath), Map.of()));
    }
    return nodes;
  }

  String bootstrapServers() {
    return scaleOut ? new KafkaCluster(home.resolve("kafka-cluster"), CLUSTER_PORTS).bootstrapServers()
        : "localhost:" + KafkaBroker.PORT;
  }

  /** The services to start: with --scale-out, each of the four also as a second replica on its port + 10000. */
  List<Service> withReplicas(List<Service> services) {
    List<Service> all = new ArrayList<>(services);
    if (scaleOut) {
      services.stream().filter(s -> !s.name().equals("portal"))
          .forEach(s -> all.add(new Service(s.name(), s.port() + REPLICA_PORT_OFFSET, s.database())));
    }
    return all;
  }

  static String childName(Service s) {
    return s.port() > REPLICA_PORT_OFFSET ? s.name() + "-2" : s.name();
  }

  private Child startChild(String name, List<String> command, Map<String, String> env) throws IOException {
    Child child = Child.start(name, command, env, root, logs);
    Files.writeString(pids.resolve(name + ".pid"), child.pid() + System.lineSeparator());
    status.put(name, "STARTING");
    out.println("[devstack] " + name + ": started pid " + child.pid() + ", log " + root.relativize(child.log));
    return child;
  }

  /** Null if the jar has a Main-Class (a Spring Boot jar), else why it cannot be started with java -jar. */
  static String notRunnable(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      java.util.jar.Manifest manifest = file.getManifest();
      return manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null
          ? null : "has no Main-Class (not repackaged by spring-boot-maven-plugin? no application class yet?)";
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
  }

  /**
   * The JVM settings of a service (issue 7: RSS <= 300 MB under load). The same as platform-test's
   * ServiceProcess.DEVSTACK_JVM_OPTIONS (suite-tests, bench); docker-compose and k8s use the same non-heap
   * options (their heap follows the container limit). C1 only: far less compiler CPU and code cache on 2
   * cores; small thread stacks. Up to 128 MB of heap (a service keeps ~45-50 MB live after a GC under load), sized
   * to what is live: it starts at 32 MB, grows while less than 20 % is free after a collection and gives memory back
   * when more than 40 % is (Serial GC never shrinks below -Xms, which is otherwise the whole 128 MB: every page of it
   * touched once the old generation has filled up). A young generation of a quarter of the heap.
   */
  static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx128m", "-Xms32m", "-XX:MinHeapFreeRatio=20",
      "-XX:MaxHeapFreeRatio=40", "-XX:NewRatio=3", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:TrimNativeHeapInterval=5000");

  static Map<String, String> serviceEnvironment(Service s) {
    return serviceEnvironment(s, "localhost:" + KafkaBroker.PORT, false);
  }

  static Map<String, String> serviceEnvironment(Service s, String bootstrapServers, boolean scaleOut) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MALLOC_ARENA_MAX", "2"); // glibc's per-thread malloc arenas are most of the native memory otherwise
    env.put("SERVER_PORT", String.valueOf(s.port()));
    env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + STORE_PORT + "/fundflow_" + s.database());
    env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrapServers);
    env.put("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    if (scaleOut) {
      // the topics a service creates get 6 partitions: room for both replicas' consumers and more
      env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_MINPARTITIONCOUNT", "6");
      env.put("FUNDFLOW_KAFKA_TOPIC_PARTITIONS", "6");
    }
    env.put("FUNDFLOW_SECURITY_JWT_JWK_SET_URI", ISSUER + "/jwks");
    env.put("FUNDFLOW_SECURITY_JWT_ISSUER_URI", ISSUER);
    env.put("SPRING_PROFILES_ACTIVE", "devstack");
    if (s.name().equals("project-intake")) {
      // an award starts its project at once in the devstack; export e.g. PT5M to watch the public notice (立项公示)
      env.put("FUNDFLOW_INTAKE_AWARD_NOTICE_PERIOD",
          System.getenv().getOrDefault("FUNDFLOW_INTAKE_AWARD_NOTICE_PERIOD", "PT0S"));
    }
    if (s.name().equals("portal")) {
      // the portal logs people in at the provider (authorization code + PKCE) and calls the services above
      env.put("PORTAL_ISSUER_URI", ISSUER);
      // the notification e-mails go to the devstack's GreenMail (each saved as .eml under .devstack/mail)
      env.put("SPRING_MAIL_HOST", "localhost");
      env.put("SPRING_MAIL_PORT", String.valueOf(MAIL_PORT));
      for (Service other : SERVICES) {
        if (!other.name().equals("portal")) {
          env.put(portalUrlVariable(other.name()), "http://localhost:" + other.port());
        }
      }
    }
    return env;
  }

  static String portalUrlVariable(String service) {
    return switch (service) {
      case "project-intake" -> "PORTAL_INTAKE_URL";
      case "milestone-review" -> "PORTAL_MILESTONE_URL";
      case "post-subsidy" -> "PORTAL_SUBSIDY_URL";
      case "integrity-check" -> "PORTAL_INTEGRITY_URL";
      default -> throw new IllegalArgumentException(service);
    };
  }

  // ---------------------------------------------------------------- readiness

  private boolean await(String name, Child child, BooleanSupplier check, Duration timeout, long sinceNanos) {
    progress.waitingFor(name);
    try {
      return awaitUp(name, child, check, timeout, sinceNanos);
    } finally {
      progress.done(name);
    }
  }

  private boolean awaitUp(String name, Child child, BooleanSupplier check, Duration timeout, long sinceNanos) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !stopping) {
      if (!child.isAlive()) {
        status.put(name, "EXITED (" + child.process.exitValue() + ")");
        out.println("[devstack] " + name + " EXITED with code " + child.process.exitValue() + " - last lines of " + child.log + ":");
        out.println(child.tail(25));
        return false;
      }
      if (check.getAsBoolean()) {
        long ms = Child.millisSince(sinceNanos);
        status.put(name, String.format("UP (%.1f s)", ms / 1000.0));
        out.printf("[devstack] %s is up after %.1f s%n", name, ms / 1000.0);
        return true;
      }
      sleep(300);
    }
    status.put(name, stopping ? "STOPPED" : "NOT READY after " + timeout.toSeconds() + " s");
    if (!stopping) {
      out.println("[devstack] " + name + " not ready after " + timeout.toSeconds() + " s - last lines of " + child.log + ":");
      out.println(child.tail(25));
    }
    return false;
  }

  private boolean kafkaUp() {
    int nodes = scaleOut ? CLUSTER_PORTS.size() : 1;
    if (CLUSTER_PORTS.stream().limit(nodes).anyMatch(p -> !portOpen(p[0]))) {
      return false; // no admin client (and its connection warnings) before the listeners are there
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(p)) {
      return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= nodes;
    } catch (Exception e) {
      return false;
    }
  }

  private boolean storeUp() {
    if (!portOpen(STORE_PORT)) {
      return false;
    }
    try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
        .applyConnectionString(new com.mongodb.ConnectionString("mongodb://localhost:" + STORE_PORT))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS))
        .build())) {
      return client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok") != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private boolean oidcUp() {
    return httpGet(ISSUER + "/.well-known/openid-configuration").map(b -> b.contains("\"jwks_uri\"")).orElse(false);
  }

  /** The SMTP greeting: a 220 line. */
  private boolean mailUp() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", MAIL_PORT), 2000);
      socket.setSoTimeout(2000);
      byte[] greeting = new byte[3];
      return socket.getInputStream().readNBytes(greeting, 0, 3) == 3
          && "220".equals(new String(greeting, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  private boolean healthUp(Service s) {
    return httpGet("http://localhost:" + s.port() + "/actuator/health")
        .map(b -> b.replace(" ", "").contains("\"status\":\"UP\"")).orElse(false);
  }

  private static Optional<String> httpGet(String url) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- ports and stale processes

  private boolean portsFree(List<Service> toStart) {
    Map<Integer, String> ports = new LinkedHashMap<>();
    CLUSTER_PORTS.stream().limit(scaleOut ? CLUSTER_PORTS.size() : 1).forEach(p -> {
      ports.put(p[0], "kafka");
      ports.put(p[1], "kafka");
    });
    ports.put(STORE_PORT, "store");
    ports.put(OIDC_PORT, "oidc");
    ports.put(MAIL_PORT, "mail");
    withReplicas(toStart).forEach(s -> ports.put(s.port(), childName(s)));
    List<String> problems = new ArrayList<>();
    ports.forEach((port, name) -> {
      if (!canBind(port)) {
        problems.add("port " + port + " (" + name + ") is already in use" + staleHint(name));
      }
    });
    if (problems.isEmpty()) {
      return true;
    }
    out.println("[devstack] cannot start: ");
    problems.forEach(p -> out.println("  - " + p));
    out.println("  Stop whatever holds these ports (a dev stack left running? another Kafka/MongoDB?) and try again."
        + " To find it: ss -ltnp | grep -E ':(" + String.join("|", ports.keySet().stream().map(String::valueOf).toList()) + ")\\b'");
    return false;
  }

  /** If the pid file of an earlier run names a live process, say so (it is most likely the culprit). */
  private String staleHint(String name) {
    Path pidFile = pids.resolve(name + ".pid");
    try {
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isPresent()) {
          String line = handle.get().info().commandLine().orElse("");
          String cmd = Stream.of("kafka.Kafka", "MongoWireStore", "OidcProvider", "MailServer", "-jar")
              .filter(line::contains).findFirst().map(m -> " (java ... " + m + " ...)").orElse("");
          return " by the " + name + " of a dev stack that is still running or was left over (its parent killed): pid " + pid
              + cmd + ". Stop it with: kill " + pid;
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // no hint then
    }
    return "";
  }

  static boolean canBind(int port) {
    if (portOpen(port)) {
      return false; // someone answers (maybe bound to another address than ours)
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- running and stopping

  private void watchForUnexpectedExits() {
    Stream.concat(infrastructure.stream(), services.values().stream()).forEach(child ->
        child.process.onExit().thenAccept(p -> {
          if (!stopping) {
            status.put(child.name, "EXITED (" + p.exitValue() + ")");
            out.println("[devstack] WARNING: " + child.name + " exited unexpectedly with code " + p.exitValue()
                + " - last lines of " + child.log + ":");
            out.println(child.tail(15));
          }
        }));
  }

  private void shutdown() {
    stopping = true;
    long start = System.nanoTime();
    out.println();
    out.println("[devstack] stopping: services first, then kafka, store, oidc, mail");
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    services.forEach((s, child) -> stops.add(CompletableFuture.runAsync(() ->
        out.println("[devstack] " + s.name() + " " + child.stop(30)))));
    stops.forEach(CompletableFuture::join);
    for (Child child : infrastructure) {
      out.println("[devstack] " + child.name + " " + child.stop(child.name.startsWith("kafka") ? 45 : 15));
    }
    Stream.concat(infrastructure.stream(), services.values().stream())
        .forEach(c -> deleteQuietly(pids.resolve(c.name + ".pid")));
    out.printf("[devstack] stopped in %.1f s. Data kept in %s (rm -rf .devstack to reset).%n",
        Child.millisSince(start) / 1000.0, home);
    out.flush();
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // not important
    }
  }

  // ---------------------------------------------------------------- report

  private void printTable(long infraMillis, long totalMillis) {
    String line = "-".repeat(118);
    out.println();
    out.println(line);
    String portalStatus = status.getOrDefault("portal", "NOT STARTED");
    out.println(">>> " + portalInvitation() + (portalStatus.startsWith("UP") ? "" : "   [portal: " + portalStatus + "]"));
    out.println(line);
    out.printf("%-18s %-46s %-16s %s%n", "component", "url / port", "status", "swagger ui / notes");
    out.println(line);
    if (scaleOut) {
      for (int i = 0; i < CLUSTER_PORTS.size(); i++) {
        out.printf("%-18s %-46s %-16s %s%n", "kafka-" + (i + 1), "localhost:" + CLUSTER_PORTS.get(i)[0] + " (controller "
            + CLUSTER_PORTS.get(i)[1] + ")", status.get("kafka"),
            "KRaft cluster: 3 replicas, min.insync 2, 6 partitions per new topic");
      }
    } else {
      out.printf("%-18s %-46s %-16s %s%n", "kafka", "localhost:" + KafkaBroker.PORT + " (controller " + KafkaBroker.CONTROLLER_PORT + ")",
          status.get("kafka"), "KRaft, 3 partitions per new topic, data .devstack/kafka");
    }
    out.printf("%-18s %-46s %-16s %s%n", "store", "mongodb://localhost:" + STORE_PORT, status.get("store"),
        "mongo-java-server + H2 file .devstack/store/fundflow.mv (fsync per write)");
    out.printf("%-18s %-46s %-16s %s%n", "oidc", ISSUER, status.get("oidc"), "JWKS " + ISSUER + "/jwks");
    out.printf("%-18s %-46s %-16s %s%n", "mail", "smtp://localhost:" + MAIL_PORT, status.get("mail"),
        "GreenMail; every message saved as .eml in " + root.relativize(home.resolve("mail")));
    for (Service s : withReplicas(SERVICES)) {
      out.printf("%-18s %-46s %-16s %s%n", childName(s), "http://localhost:" + s.port() + " (db fundflow_" + s.database() + ")",
          status.getOrDefault(childName(s), withServices ? "?" : "NOT STARTED"),
          s.name().equals("portal") ? "the web pages: log in with a demo user" : "http://localhost:" + s.port() + "/swagger-ui.html");
    }
    out.println(line);
    out.println("Demo users (token: client_credentials with client_id = user name, any secret):");
    for (DemoUser u : DemoUser.all()) {
      out.printf("  %-18s %-18s %-19s %s%n", u.username(), String.join(",", u.roles()),
          u.orgCode() == null ? "" : u.orgCode(), u.curl(OIDC_BASE));
    }
    out.println("  e.g. TOKEN=$(" + DemoUser.all().get(0).curl(OIDC_BASE) + " | sed -n -E 's/.*\"access_token\" *: *\"([^\"]+)\".*/\\1/p')");
    out.println("       curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/...");
    out.println(line);
    out.printf("Infrastructure ready in %.1f s%s. Logs: %s%n", infraMillis / 1000.0,
        totalMillis < 0 ? "" : String.format(", everything in %.1f s", totalMillis / 1000.0), logs);
    out.println(line);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes to both streams; a broken first stream (the terminal or Maven gone) does not stop the second. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;
    private volatile boolean firstBroken;

    Tee(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (!firstBroken) {
        first.write(b, off, len);
        if (first instanceof PrintStream ps && ps.checkError()) {
          firstBroken = true;
        }
      }
      second.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      if (!firstBroken) {
        first.flush();
      }
      second.flush();
    }
  }
}
