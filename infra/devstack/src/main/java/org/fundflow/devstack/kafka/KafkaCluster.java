package org.fundflow.devstack.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A KRaft cluster on loopback (issue 21): every node is broker and controller, all of them vote, and they share one
 * cluster id. With three nodes each topic is replicated three times, a write is acknowledged once two replicas have
 * it and no replica that missed writes is ever elected leader, so one node can die without losing an acknowledged
 * event.
 */
public final class KafkaCluster {

  private final Path dir;
  private final List<KafkaBroker> brokers;

  /**
   * @param ports per node {@code [port, controllerPort]}
   */
  public KafkaCluster(Path dir, List<int[]> ports) {
    this.dir = dir.toAbsolutePath();
    String voters = IntStream.range(0, ports.size())
        .mapToObj(i -> (i + 1) + "@localhost:" + ports.get(i)[1]).collect(Collectors.joining(","));
    List<KafkaBroker> nodes = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      nodes.add(new KafkaBroker(this.dir.resolve("node-" + (i + 1)), i + 1, ports.get(i)[0], ports.get(i)[1], voters,
          ports.size()));
    }
    this.brokers = List.copyOf(nodes);
  }

  public List<KafkaBroker> brokers() {
    return brokers;
  }

  /** Every node's client address: a client that knows all of them still connects while one is down. */
  public String bootstrapServers() {
    return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
  }

  /** The cluster id, created once and kept in {@code cluster.id}; every node is formatted with it. */
  public String clusterId() throws IOException {
    return KafkaBroker.clusterIdIn(dir);
  }
}
