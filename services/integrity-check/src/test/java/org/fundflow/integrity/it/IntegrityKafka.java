package org.fundflow.integrity.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds events to the service as the other services would, and reads what it publishes on integrity.events. */
final class IntegrityKafka implements AutoCloseable {

  /** One record read from integrity.events. */
  record Published(String key, String type, String id, String subject, String correlationId, String json, JsonNode data,
      Instant readAt) {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Published> published = new CopyOnWriteArrayList<>();

  IntegrityKafka() {
    String servers = SharedInfrastructure.get().kafkaBootstrapServers();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "integrity-it-" + UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of("integrity.events"));
  }

  /** Sends one event with CloudEvents headers; returns its id. */
  String send(String topic, String key, String type, String json) {
    String id = UUID.randomUUID().toString();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
    CloudEventHeaders.write(new CloudEventAttributes(id, type, "/fundflow/it", key, Instant.now(), "corr-" + id, null),
        record.headers());
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** Polls once more and returns everything read so far that matches. */
  synchronized List<Published> find(Predicate<Published> filter) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
      String json = new String(r.value(), StandardCharsets.UTF_8);
      published.add(new Published(r.key(), header(r, CloudEventHeaders.TYPE), header(r, CloudEventHeaders.ID),
          header(r, CloudEventHeaders.SUBJECT), header(r, CloudEventHeaders.CORRELATION_ID), json, JSON.readTree(json),
          Instant.now()));
    }
    return published.stream().filter(filter).toList();
  }

  static Predicate<Published> of(String type, String key) {
    return p -> p.type().equals(type) && p.key().equals(key);
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
