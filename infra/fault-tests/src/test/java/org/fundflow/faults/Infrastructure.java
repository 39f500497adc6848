package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.fundflow.devstack.kafka.KafkaBroker;
import org.fundflow.platform.test.ServiceProcess;

/**
 * The broker (devstack's KRaft {@link KafkaBroker}) and the store (devstack's {@code MongoWireStore} on a durable H2
 * file) as child JVMs on free ports, data under {@code target/}, so that the test can stop and kill them.
 */
final class Infrastructure {

  private final Path home;
  private final int kafkaPort = ServiceProcess.freePort();
  private final int storePort = ServiceProcess.freePort();
  private final KafkaBroker broker;
  private final ChildJvm kafka;
  private final ChildJvm store;

  Infrastructure(Path home) {
    this.home = home.toAbsolutePath();
    this.broker = new KafkaBroker(this.home.resolve("kafka"), kafkaPort, ServiceProcess.freePort());
    Path logs = this.home.resolve("logs");
    this.kafka = new ChildJvm("kafka", List.of("-Xmx320m", "-Xms64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
        "-cp", ChildJvm.classPath(), "kafka.Kafka", broker.propertiesFile().toString()), logs);
    this.store = new ChildJvm("store", List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", ChildJvm.classPath(),
        "org.fundflow.devstack.store.MongoWireStore", "--port", String.valueOf(storePort),
        "--file", this.home.resolve("store").resolve("fundflow.mv").toString(), "--exit-on-stdin-eof"), logs);
  }

  void start() {
    try {
      broker.writeProperties();
      if (!broker.isFormatted()) {
        ChildJvm.run("kafka-format", broker.formatCommand(ChildJvm.java(), ChildJvm.classPath(), broker.clusterId()),
            home.resolve("logs"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startStore();
    startBroker();
  }

  String kafkaBootstrapServers() {
    return broker.bootstrapServers();
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

  void startBroker() {
    kafka.start();
    awaitPort(kafkaPort, "kafka", kafka);
  }

  void stopBroker() {
    kafka.stop();
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
    kafka.stop();
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
