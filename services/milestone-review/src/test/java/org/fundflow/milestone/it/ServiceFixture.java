package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.milestone.contract.Schemas;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.SharedInfrastructure;

/**
 * Kafka side of the service tests: produces input events with CloudEvents headers, and reads
 * everything the service publishes on milestone.project-events (validating every record against
 * its shared schema as it arrives).
 */
final class ServiceFixture {

  static final String PROJECT_EVENTS = "milestone.project-events";

  record Published(String key, String type, String json, List<String> schemaErrors) {}

  private static volatile ServiceFixture instance;

  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, List<Published>> byKey = new ConcurrentHashMap<>();
  private final List<Published> all = new CopyOnWriteArrayList<>();

  static ServiceFixture get() {
    if (instance == null) {
      synchronized (ServiceFixture.class) {
        if (instance == null) {
          instance = new ServiceFixture();
        }
      }
    }
    return instance;
  }

  private ServiceFixture() {
    String servers = SharedInfrastructure.get().kafkaBootstrapServers();
    Properties p = new Properties();
    p.put("bootstrap.servers", servers);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      for (String topic : List.of(PROJECT_EVENTS, "intake.proposal-events", "integrity.events",
          "intake.program-events")) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(PROJECT_EVENTS).forEach(i -> partitions.add(new TopicPartition(PROJECT_EVENTS, i.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Thread reader = new Thread(() -> {
      while (true) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          String type = new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
          String json = new String(r.value(), StandardCharsets.UTF_8);
          Published published = new Published(r.key(), type, json, Schemas.errors(type, json));
          all.add(published);
          byKey.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(published);
        }
      }
    }, "project-events-reader");
    reader.setDaemon(true);
    reader.start();
  }

  void send(String topic, String key, String type, String eventId, String json) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
    CloudEventHeaders.write(new CloudEventAttributes(eventId, type, "/fundflow/test", key, Instant.now(),
        "corr-" + eventId, null), record.headers());
    try {
      producer.send(record).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The events published for this project so far. */
  List<Published> events(String projectId) {
    return List.copyOf(byKey.getOrDefault(projectId, List.of()));
  }

  List<Published> events(String projectId, String typeSuffix) {
    return events(projectId).stream().filter(e -> e.type().endsWith(typeSuffix)).toList();
  }

  /** Waits until the project has published an event of this type; returns those events. */
  List<Published> awaitEvents(String projectId, String typeSuffix, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> events(projectId, typeSuffix).size() >= count);
    List<Published> found = events(projectId, typeSuffix);
    found.forEach(e -> assertThat(e.schemaErrors()).as("schema errors of " + e.type() + " " + e.json()).isEmpty());
    return found;
  }

  List<Published> allPublished() {
    return List.copyOf(all);
  }

  static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
