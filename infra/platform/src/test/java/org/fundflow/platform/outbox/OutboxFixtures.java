package org.fundflow.platform.outbox;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.SharedInfrastructure;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Builds relays, writers and readers against the shared embedded broker and store. */
final class OutboxFixtures {

  static final String COLLECTION = "counters";

  private OutboxFixtures() {}

  /** A document class like a service's aggregate: plain fields, the platform adds version/outbox/inbox. */
  record Counter(String id, long value) {}

  static ReactiveMongoTemplate template(String database) {
    MongoClient client = MongoClients.create(SharedInfrastructure.get().mongoUri(database));
    return new ReactiveMongoTemplate(client, database);
  }

  static OutboxEvents events() {
    return new OutboxEvents("/fundflow/platform-test", JsonMapper.builder().build(), Clock.systemUTC());
  }

  static OutboxRelay relay(ReactiveMongoTemplate template, OutboxPublisher publisher, String owner) {
    return new OutboxRelay(template, publisher, List.of(COLLECTION), owner, Duration.ofMillis(10),
        Duration.ofSeconds(30), 50, Clock.systemUTC(), null);
  }

  static KafkaOutboxPublisher publisher() {
    return new KafkaOutboxPublisher(SharedInfrastructure.get().kafkaBootstrapServers(), "/fundflow/platform-test", 3);
  }

  /**
   * A new topic of 3 partitions, created and led before anything is sent to it, as infra's topic setup does
   * for the suite. Left to auto-creation by the first send, the idempotent producer sometimes met a
   * partition whose leader was not settled yet, and its retry was refused for ever as out of sequence.
   */
  static String newTopic() {
    String topic = "platform-test.outbox-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(topic))
          .allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic " + topic, e);
    }
    return topic;
  }

  /** Reads the topic from the beginning until {@code done} holds for what was read, or the time is up. */
  static List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
      Duration atMost) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    long deadline = System.nanoTime() + atMost.toNanos();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (!done.test(read) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  static String eventId(ConsumerRecord<String, byte[]> record) {
    return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
  }
}
