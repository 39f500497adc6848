package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.fundflow.devstack.kafka.KafkaBroker;
import org.fundflow.devstack.kafka.KafkaCluster;
import org.fundflow.platform.test.ServiceProcess;

/**
 * The broker (devstack's KRaft {@link KafkaBroker}) or a cluster of three ({@link KafkaCluster}, issue 21) and the
 * store (devstack's {@code MongoWireStore} on a durable H2 file) as child JVMs on free ports, data under
 * {@code target/}, so that the test can stop and kill them.
 */
final class Infrastructure {

  private final Path home;
  private final int storePort = ServiceProcess.freePort();
  private final KafkaCluster cluster;
  private final List<ChildJvm> kafka = new ArrayList<>();
  private final ChildJvm store;

  /** @param brokers 1 (one broker, as in the dev stack) or 3 (a cluster) */
  Infrastructure(Path home, int brokers) {
    this.home = home.toAbsolutePath();
    List<int[]> ports = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      ports.add(new int[] {ServiceProcess.freePort(), ServiceProcess.freePort()});
    }
    this.cluster = new KafkaCluster(this.home.resolve("kafka"), ports);
    Path logs = this.home.resolve("logs");
    for (KafkaBroker broker : cluster.brokers()) {
      kafka.add(new ChildJvm("kafka-" + broker.nodeId(), List.of("-Xmx320m", "-Xms64m", "-XX:+UseSerialGC",
          "-Djava.awt.headless=true", "-cp", ChildJvm.classPath(), "kafka.Kafka", broker.propertiesFile().toString()),
          logs));
    }
    this.store = new ChildJvm("store", List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", ChildJvm.classPath(),
        "org.fundflow.devstack.store.MongoWireStore", "--port", String.valueOf(storePort),
        "--file", this.home.resolve("store").resolve("fundflow.mv").toString(), "--exit-on-stdin-eof"), logs);
  }

  void start() {
    try {
      String clusterId = cluster.clusterId();
      for (KafkaBroker broker : cluster.brokers()) {
        broker.writeProperties();
        if (!broker.isFormatted()) {
          ChildJvm.run("kafka-format-" + broker.nodeId(), broker.formatCommand(ChildJvm.java(), ChildJvm.classPath(),
              clusterId), home.resolve("logs"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startStore();
    // the nodes of a cluster wait for each other's votes: start them all, then wait for each
    kafka.forEach(ChildJvm::start);
    for (int i = 0; i < kafka.size(); i++) {
      awaitPort(cluster.brokers().get(i).port(), kafka.get(i).log().getFileName().toString(), kafka.get(i));
    }
  }

  int brokerCount() {
    return kafka.size();
  }

  String kafkaBootstrapServers() {
    return cluster.bootstrapServers();
  }

  String mongoUri() {
    return "mongodb://127.0.0.1:" + storePort;
  }

  Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    return Admin.create(p);
  }

  /** Starts the broker with this node id (1-based) again. */
  void startBroker(int nodeId) {
    ChildJvm node = kafka.get(nodeId - 1);
    node.start();
    awaitPort(cluster.brokers().get(nodeId - 1).port(), "kafka-" + nodeId, node);
  }

  void stopBroker(int nodeId) {
    kafka.get(nodeId - 1).stop();
  }

  void killBroker(int nodeId) {
    kafka.get(nodeId - 1).kill();
  }

  void startStore() {
    store.start();
    awaitPort(storePort, "store", store);
  }

  void stopStore() {
    store.stop();
  }

  void killStore() {
    store.kill();
  }

  void stopAll() {
    kafka.forEach(ChildJvm::stop);
    store.stop();
  }
  private static void awaitPort(int port, String name, ChildJvm child) {
    await(name + " listening on " + port).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
        .until(() -> {
          if (!child.isAlive()) {
            throw new IllegalStateException(name + " exited; see " + child.log());
          }
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
          } catch (IOException e) {
            return false;
          }
        });
  }
}
