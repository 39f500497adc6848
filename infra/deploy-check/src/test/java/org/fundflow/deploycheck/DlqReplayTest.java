package org.fundflow.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** infra/kafka/DlqReplay.java, compiled as shipped, against a real (embedded KRaft) broker. */
class DlqReplayTest {

  static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, "post-subsidy.dlq", "intake.proposal-events", "integrity.events");
    broker.brokerProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    broker.brokerProperty("offsets.topic.num.partitions", "1");
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.afterPropertiesSet();
    System.clearProperty(EmbeddedKafkaKraftBroker.BROKER_LIST_PROPERTY);
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @TempDir
  Path classes;

  Method replayMethod() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path source = Repo.root().resolve("infra/kafka/DlqReplay.java");
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        source.toString());
    assertThat(rc).as("javac infra/kafka/DlqReplay.java").isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass("DlqReplay").getMethod("replay", String.class, String.class, String.class, String.class,
        boolean.class);
  }

  static void deadLetter(KafkaProducer<byte[], byte[]> producer, String originalTopic, String id) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", "fundflow.intake.proposal-awarded.v1".getBytes(StandardCharsets.UTF_8));
    h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    h.add("x-original-topic", originalTopic.getBytes(StandardCharsets.UTF_8));
    h.add("x-original-partition", new byte[] {0, 0, 0, 1});
    h.add("x-exception-message", "MalformedEventException: awardedAmountFen, is missing".getBytes(StandardCharsets.UTF_8));
    h.add("x-exception-stacktrace", "java.lang.IllegalStateException: x,\n\tat a.b(C.java:1)".getBytes(StandardCharsets.UTF_8));
    producer.send(new ProducerRecord<>("post-subsidy.dlq", null, ("key-" + id).getBytes(StandardCharsets.UTF_8),
        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), h));
  }

  @Test
  void replaysToTheOriginalTopicWithTheOriginalHeadersOnce() throws Exception {
    String servers = broker.getBrokersAsString();
    Properties p = new Properties();
    p.put("bootstrap.servers", servers);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      deadLetter(producer, "intake.proposal-events", "e1");
      deadLetter(producer, "intake.proposal-events", "e2");
      deadLetter(producer, "integrity.events", "e3");
      producer.flush();
    }
    Method replay = replayMethod();

    assertThat(replay.invoke(null, servers, "post-subsidy.dlq", null, "dlq-replay-test", false)).isEqualTo(3);
    assertThat(replay.invoke(null, servers, "post-subsidy.dlq", "intake.proposal-events", "dlq-replay-test", true))
        .isEqualTo(2);

    List<ConsumerRecord<byte[], byte[]>> replayed = readAll(servers, "intake.proposal-events", 2);
    assertThat(replayed).hasSize(2);
    ConsumerRecord<byte[], byte[]> first = replayed.get(0);
    assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("key-e1");
    assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e1\"}");
    List<String> headerNames = new ArrayList<>();
    first.headers().forEach(h -> headerNames.add(h.key()));
    assertThat(headerNames).containsExactly("ce_id", "ce_type", "content-type");

    // committed: a second run finds nothing new
    assertThat(replay.invoke(null, servers, "post-subsidy.dlq", null, "dlq-replay-test", true)).isEqualTo(0);
    assertThat(readAll(servers, "integrity.events", 0)).isEmpty();
  }

  static List<ConsumerRecord<byte[], byte[]>> readAll(String servers, String topic, int expected) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + System.nanoTime());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 3 : 20).toNanos();
      while (System.nanoTime() < deadline && records.size() < Math.max(expected, 1)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

}
