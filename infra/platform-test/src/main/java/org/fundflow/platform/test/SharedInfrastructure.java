package org.fundflow.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.opentest4j.TestAbortedException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real Kafka broker (KRaft) and one Mongo-wire server per test JVM, started on first use and
 * shared by every test of the module. By default they are embedded (spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker} and mongo-java-server); with Docker available and
 * {@code -Dfundflow.test.infrastructure=containers} (or {@code auto} and Docker present) the same
 * tests run against real {@code apache/kafka} and {@code mongo} (replica set) containers.
 *
 * <p>{@code containers} without a Docker engine does not fail: {@link #get()} throws
 * {@link TestAbortedException} with the reason, so a test that asks for the infrastructure itself (in a
 * test method or {@code @BeforeAll}) is reported as skipped. A Spring test that gets it through
 * {@link FundflowTestInfrastructure} still errors: Spring wraps every exception of context loading in
 * "Failed to load ApplicationContext" (the cause names the missing Docker engine). Unknown modes are
 * an error, not a silent fallback.
 */
public final class SharedInfrastructure {

  /**
   * The broker image of the containers mode: the Kafka line of the kafka-clients jars the build uses (the Boot BOM's
   * kafka.version), like docker-compose.yml; infra/deploy-check's KafkaLineTest keeps the three in step.
   */
  public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";


  public static final String MODE_PROPERTY = "fundflow.test.infrastructure";

  private static volatile SharedInfrastructure instance;
  /** Why containers were asked for and could not be had (decided once per JVM). */
  private static volatile String unavailable;

  private final String kafkaBootstrapServers;
  private final String mongoConnectionString;
  private final String mode;
  private final MongoServer mongoServer;
  private final StoreOperations storeOperations;

  private SharedInfrastructure(String kafkaBootstrapServers, String mongoConnectionString, String mode,
      MongoServer mongoServer, StoreOperations storeOperations) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoConnectionString = mongoConnectionString;
    this.mode = mode;
    this.mongoServer = mongoServer;
    this.storeOperations = storeOperations;
  }

  public static SharedInfrastructure get() {
    SharedInfrastructure local = instance;
    if (local == null) {
      synchronized (SharedInfrastructure.class) {
        local = instance;
        if (local == null) {
          if (unavailable != null) {
            throw new TestAbortedException(unavailable);
          }
          local = start();
          instance = local;
        }
      }
    }
    return local;
  }

  /** {@code localhost:port} of the broker. */
  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** A connection string for the given database on the shared store. */
  public String mongoUri(String database) {
    String base = mongoConnectionString;
    int query = base.indexOf('?');
    String params = query >= 0 ? base.substring(query) : "";
    String hostPart = query >= 0 ? base.substring(0, query) : base;
    if (hostPart.endsWith("/")) {
      hostPart = hostPart.substring(0, hostPart.length() - 1);
    }
    int slash = hostPart.indexOf('/', "mongodb://".length());
    if (slash >= 0) {
      hostPart = hostPart.substring(0, slash);
    }
    return hostPart + "/" + database + params;
  }

  /** {@code embedded} or {@code containers}. */
  public String mode() {
    return mode;
  }

  /** What the services asked of the embedded store so far, or null when running against containers (benchmarks). */
  public StoreOperations storeOperations() {
    return storeOperations;
  }

  /** The embedded store, or null when running against containers (tests of the store's outage use it). */
  public MongoServer embeddedMongoServer() {
    return mongoServer;
  }

  private static SharedInfrastructure start() {
    String wanted = System.getProperty(MODE_PROPERTY, "embedded").trim().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case "", "embedded":
        return startEmbedded();
      case "containers":
        if (!dockerAvailable()) {
          unavailable = "-D" + MODE_PROPERTY + "=containers asks for Kafka and MongoDB in Docker containers, "
              + "but no Docker engine is available: skipping the tests that need them "
              + "(run without the property, or with =auto, to use the embedded broker and store)";
          System.err.println("[fundflow] " + unavailable);
          throw new TestAbortedException(unavailable);
        }
        return startContainers();
      case "auto":
        if (dockerAvailable()) {
          System.err.println("[fundflow] -D" + MODE_PROPERTY + "=auto: Docker found, using containers");
          return startContainers();
        }
        System.err.println("[fundflow] -D" + MODE_PROPERTY + "=auto: no Docker engine, using the embedded broker and store");
        return startEmbedded();
      default:
        throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + wanted
            + " is not one of embedded (default), containers, auto");
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }

  private static SharedInfrastructure startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.brokerProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.afterPropertiesSet();
    // spring-kafka-test leaves this system property behind; nobody should pick it up by accident
    System.clearProperty(EmbeddedKafkaKraftBroker.BROKER_LIST_PROPERTY);
    SnapshotMemoryBackend backend = new SnapshotMemoryBackend();
    MongoServer mongo = new MongoServer(backend);
    InetSocketAddress address = mongo.bind();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      mongo.shutdownNow();
      broker.destroy();
    }, "shared-infrastructure-stop"));
    return new SharedInfrastructure(broker.getBrokersAsString(),
        "mongodb://127.0.0.1:" + address.getPort() + "/", "embedded", mongo, backend.operations());
  }

  @SuppressWarnings("resource")
  private static SharedInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReplicaSet();
    kafka.start();
    mongo.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.stop();
      mongo.stop();
    }, "shared-containers-stop"));
    return new SharedInfrastructure(kafka.getBootstrapServers(), mongo.getReplicaSetUrl("test"), "containers", null, null);
  }
}
