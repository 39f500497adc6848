package org.fundflow.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;

/**
 * Idempotent Kafka producer ({@code acks=all}, {@code enable.idempotence}) keyed by the aggregate
 * id, so that the events of one aggregate land in one partition in the order they were stored.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher, AutoCloseable {

  /** The W3C trace context header, read by the consumers' binder observation. */
  public static final String TRACEPARENT = "traceparent";

  private final KafkaProducer<String, byte[]> producer;
  private final Admin admin;
  private final String source;
  private final int partitions;
  private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();

  public KafkaOutboxPublisher(String bootstrapServers, String source, int partitions) {
    this(bootstrapServers, source, partitions, Map.of());
  }

  /**
   * @param clientProperties Kafka client properties shared with the binder (its
   *     {@code spring.cloud.stream.kafka.binder.configuration.*}); the security ones
   *     ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) go to the producer and the admin client
   */
  public KafkaOutboxPublisher(String bootstrapServers, String source, int partitions, Map<String, ?> clientProperties) {
    this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, source, clientProperties),
        new StringSerializer(), new ByteArraySerializer());
    this.admin = Admin.create(adminConfig(bootstrapServers, clientProperties));
    this.source = source;
    this.partitions = partitions;
  }

  static Map<String, Object> producerConfig(String bootstrapServers, String source, Map<String, ?> clientProperties) {
    Map<String, Object> p = new HashMap<>(securityOf(clientProperties));
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // the relay already batches: waiting for more records only adds latency to every hop
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source.replace('/', '-'));
    return p;
  }

  static Map<String, Object> adminConfig(String bootstrapServers, Map<String, ?> clientProperties) {
    Map<String, Object> a = new HashMap<>(securityOf(clientProperties));
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    return a;
  }

  /** Only how to connect: the relay's delivery guarantees (acks, idempotence, serializers) are not configurable. */
  private static Map<String, Object> securityOf(Map<String, ?> clientProperties) {
    Map<String, Object> security = new HashMap<>();
    clientProperties.forEach((key, value) -> {
      if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
        security.put(key, value);
      }
    });
    return security;
  }

  @Override
  public void publish(List<OutboxEvent> events) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    for (OutboxEvent e : events) {
      ensureTopic(e.topic());
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(e.topic(), e.key(), e.data().getBytes(StandardCharsets.UTF_8));
      CloudEventHeaders.write(new CloudEventAttributes(
          e.id(), e.type(), source, e.subject(), e.time(), e.correlationId(), e.dataSchema()), record.headers());
      if (e.traceparent() != null) {
        record.headers().add(TRACEPARENT, e.traceparent().getBytes(StandardCharsets.UTF_8));
      }
      sent.add(producer.send(record));
    }
    for (Future<RecordMetadata> f : sent) {
      f.get(40, TimeUnit.SECONDS);
    }
  }

  private void ensureTopic(String topic) throws InterruptedException, ExecutionException {
    if (knownTopics.contains(topic)) {
      return;
    }
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1))).all().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ExecutionException("creating topic " + topic + " timed out", e);
    }
    knownTopics.add(topic);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
