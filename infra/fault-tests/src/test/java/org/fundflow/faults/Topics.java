package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the test does to and reads from the topics: replays, poison, dead letters, lag. */
final class Topics {

  static final String POISON_KEY_PREFIX = "poison-";

  private final Infrastructure infrastructure;

  Topics(Infrastructure infrastructure) {
    this.infrastructure = infrastructure;
  }

  /** Waits until the (killed) service's group has no member left (its session timed out). */
  void awaitGroupEmpty(String group) {
    try (Admin admin = infrastructure.admin()) {
      await(group + " empty").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        return d.members().isEmpty();
      });
    }
  }

  /** Sets the group's committed offset to 0 on every partition of every topic it reads; the group must be empty. */
  int replayFromZero(String group) {
    try (Admin admin = infrastructure.admin()) {
      Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
      for (TopicDescription t : admin.describeTopics(Topology.topicsOf(group)).allTopicNames().get().values()) {
        t.partitions().forEach(p -> zero.put(new TopicPartition(t.name(), p.partition()), new OffsetAndMetadata(0)));
      }
      admin.alterConsumerGroupOffsets(group, zero).all().get();
      return zero.size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay of " + group + ": " + e.getCause(), e.getCause());
    }
  }

  /** How many consumers the group has now (every binding of every replica is one member). */
  int members(String group) {
    try (Admin admin = infrastructure.admin()) {
      return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits (at most 3 minutes) until the group's member count fits; returns that count. */
  int awaitMembers(String group, IntPredicate fits) {
    int[] seen = {-1};
    await(group + " members").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
      seen[0] = members(group);
      return fits.test(seen[0]);
    });
    return seen[0];
  }

  /** Creates the event topics (and nothing else) with this many partitions and replicas, before any service runs. */
  void create(int partitions, int replicas) {
    try (Admin admin = infrastructure.admin()) {
      admin.createTopics(Topology.topics().stream().map(t -> new NewTopic(t, partitions, (short) replicas)).toList())
          .all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("creating the event topics: " + e.getCause(), e.getCause());
    }
  }

  /** Per event topic: partitions, replicas per partition, min.insync.replicas, unclean leader election. */
  Map<String, String> settings() {
    try (Admin admin = infrastructure.admin()) {
      Map<String, String> out = new LinkedHashMap<>();
      Map<String, TopicDescription> described = admin.describeTopics(Topology.topics()).allTopicNames().get();
      List<ConfigResource> resources = Topology.topics().stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
      for (String t : Topology.topics()) {
        TopicDescription d = described.get(t);
        Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t));
        out.put(t, d.partitions().size() + " partitions x " + d.partitions().get(0).replicas().size()
            + " replicas, min.insync.replicas=" + c.get("min.insync.replicas").value()
            + ", unclean.leader.election.enable=" + c.get("unclean.leader.election.enable").value());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Who leads which event partition, weighted by the events each holds. */
  record Leadership(Map<TopicPartition, Integer> leaders, Map<TopicPartition, Long> events) {

    int partitions() {
      return leaders.size();
    }

    long totalEvents() {
      return events.values().stream().mapToLong(Long::longValue).sum();
    }

    int ledBy(int node) {
      return (int) leaders.values().stream().filter(l -> l == node).count();
    }

    long eventsLedBy(int node) {
      return leaders.entrySet().stream().filter(e -> e.getValue() == node).mapToLong(e -> events.get(e.getKey())).sum();
    }

    /** The node leading the partitions that hold the most events. */
    int busiest() {
      return leaders.values().stream().distinct().max(java.util.Comparator.comparingLong(this::eventsLedBy))
          .orElseThrow();
    }

    /** node id -> partitions led (-1: no leader). */
    Map<Integer, Long> perNode() {
      return new java.util.TreeMap<>(leaders.values().stream()
          .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting())));
    }
  }

  Leadership leadership() {
    try (Admin admin = infrastructure.admin()) {
      Map<TopicPartition, Integer> leaders = new LinkedHashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription t : admin.describeTopics(Topology.topics()).allTopicNames().get().values()) {
        for (TopicPartitionInfo p : t.partitions()) {
          TopicPartition tp = new TopicPartition(t.name(), p.partition());
          leaders.put(tp, leaderId(p));
          latest.put(tp, OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> events = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> events.put(tp, info.offset()));
      return new Leadership(leaders, events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The node leading the partition, -1 while it has none. */
  private static int leaderId(TopicPartitionInfo p) {
    return p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id();
  }

  /** Waits until no event partition is led by the node (the controller moved leadership to an in-sync replica). */
  Leadership awaitLeadersMovedFrom(int node) {
    Leadership[] seen = {null};
    await("leaders moved from broker " + node).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          try (Admin admin = infrastructure.admin()) {
            Map<TopicPartition, Integer> leaders = new LinkedHashMap<>();
            for (TopicDescription t : admin.describeTopics(Topology.topics()).allTopicNames().get().values()) {
              for (TopicPartitionInfo p : t.partitions()) {
                leaders.put(new TopicPartition(t.name(), p.partition()), leaderId(p));
              }
            }
            seen[0] = new Leadership(leaders, Map.of());
            return leaders.values().stream().allMatch(l -> l != node && l != -1);
          }
        });
    return seen[0];
  }

  /** Waits until every partition of every event topic has all its replicas in sync again. */
  void awaitFullyReplicated() {
    await("every event partition fully in sync").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          try (Admin admin = infrastructure.admin()) {
            return admin.describeTopics(Topology.topics()).allTopicNames().get().values().stream()
                .flatMap(t -> t.partitions().stream()).allMatch(p -> p.isr().size() == p.replicas().size());
          }
        });
  }

  /** Poison records written, and the dead letters they must cause per group. */
  record Poison(int records, Map<String, Integer> expectedDeadLetters, Map<String, Integer> perTopic) {}

  /**
   * Into every consumed topic: one record without any CloudEvents header (malformed bytes); per type that some
   * reading group routes, one record with valid CloudEvents headers and malformed JSON bytes and one with valid JSON
   * that does not fit the schema; and one record of a type nobody routes (skipped on purpose, no dead letter).
   */
  Poison injectPoison() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    Topology.ROUTES.keySet().forEach(g -> expected.put(g, 0));
    Map<String, Integer> perTopic = new LinkedHashMap<>();
    int records = 0;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (String topic : Topology.topics()) {
        int before = records;
        send(producer, topic, null, "{\"proposalId\": \"P-1\", \"amountFen\": ".getBytes(StandardCharsets.UTF_8));
        records++;
        Topology.groupsOf(topic).forEach(g -> expected.merge(g, 1, Integer::sum));
        for (String type : Topology.poisonTypes(topic)) {
          send(producer, topic, type, "{\"eventId\": \"x\", \"amountFen\": 1".getBytes(StandardCharsets.UTF_8));
          send(producer, topic, type, "[\"a JSON array\", \"where an object is required\"]".getBytes(StandardCharsets.UTF_8));
          records += 2;
          for (String g : Topology.groupsOf(topic)) {
            if (Topology.routes(g, topic, type)) {
              expected.merge(g, 2, Integer::sum);
            }
          }
        }
        send(producer, topic, "fundflow.fault-test.unknown-type.v1", "{\"anything\": true}".getBytes(StandardCharsets.UTF_8));
        records++;
        perTopic.put(topic, records - before);
      }
      producer.flush();
    }
    return new Poison(records, expected, perTopic);
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, byte[] value) {
    String id = POISON_KEY_PREFIX + UUID.randomUUID();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, value);
    if (type != null) {
      header(record, "ce_specversion", "1.0");
      header(record, "ce_id", id);
      header(record, "ce_type", type);
      header(record, "ce_source", "/fault-tests");
      header(record, "ce_subject", id);
      header(record, "ce_time", Instant.now().toString());
      header(record, "content-type", "application/json");
    }
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("poison into " + topic + ": " + e.getCause(), e.getCause());
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Records in {@code <group>.dlq}: all of them, and those that are the test's poison (by key). */
  record DeadLetters(int total, int poison) {}

  DeadLetters deadLetters(String group) {
    String topic = group + ".dlq";
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      if (partitions.isEmpty()) {
        return new DeadLetters(0, 0);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      int total = 0;
      int poison = 0;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
          total++;
          if (r.key() != null && r.key().startsWith(POISON_KEY_PREFIX)) {
            poison++;
          } else {
            System.out.printf("[faults] dead letter in %s that is not poison: key %s headers %s%n", topic, r.key(),
                r.headers());
          }
        }
      }
      return new DeadLetters(total, poison);
    }
  }

  /** The group's lag summed over the partitions of the topics it reads (end offset minus committed offset). */
  long lag(String group) {
    try (Admin admin = infrastructure.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription t : admin.describeTopics(Topology.topicsOf(group)).allTopicNames().get().values()) {
        t.partitions().forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue().offset() - (c == null ? 0 : c.offset());
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
