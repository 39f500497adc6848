import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a Fundflow dead-letter topic: every record goes back, with its key, value and original
 * headers (ce_*, content-type, traceparent ...), to the topic named in its {@code x-original-topic}
 * header; the binder's {@code x-*} diagnostic headers are dropped. Without {@code --apply} it only
 * lists what it would replay (from the beginning of the DLQ). With {@code --apply} it reads from the
 * offsets committed by the consumer group {@code dlq-replay-<dlq>} (the beginning, the first time),
 * sends, flushes, then commits: a second run replays only what arrived since. Consumers are
 * idempotent, so replaying a record twice changes nothing.
 *
 * <pre>
 * java -cp "$KAFKA_CLIENTS_JARS" infra/kafka/DlqReplay.java --bootstrap localhost:29092 --dlq post-subsidy.dlq [--apply]
 *      [--only-original-topic intake.proposal-events]
 * </pre>
 * Needs a JDK 17+ (single-file source launch) and kafka-clients + its dependencies on the class path,
 * e.g. {@code /opt/kafka/libs/*} of an apache/kafka installation. docs/operations.md has the procedure.
 */
public final class DlqReplay {

  static final String ORIGINAL_TOPIC = "x-original-topic";
  static final String ORIGINAL_TOPIC_SPRING_KAFKA = "kafka_dlt-original-topic";

  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>();
    boolean apply = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--apply" -> apply = true;
        case "--bootstrap", "--dlq", "--only-original-topic", "--group" -> opts.put(args[i], args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: --bootstrap HOST:PORT --dlq TOPIC [--apply] [--only-original-topic TOPIC] [--group ID]");
      }
    }
    String bootstrap = require(opts, "--bootstrap");
    String dlq = require(opts, "--dlq");
    String only = opts.get("--only-original-topic");
    String group = opts.getOrDefault("--group", "dlq-replay-" + dlq);
    System.exit(replay(bootstrap, dlq, only, group, apply) >= 0 ? 0 : 1);
  }

  /** The number of records replayed (or, without apply, that would be); -1 when a record had no original topic. */
  public static int replay(String bootstrap, String dlq, String only, String group, boolean apply) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    int replayed = 0;
    boolean orphans = false;
    Map<String, Integer> perTopic = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(dlq, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(dlq, info.partition())));
      consumer.assign(partitions);
      if (!apply) {
        consumer.seekToBeginning(partitions);
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          String original = header(r, ORIGINAL_TOPIC);
          if (original == null) {
            original = header(r, ORIGINAL_TOPIC_SPRING_KAFKA);
          }
          String reason = header(r, "x-exception-message");
          String id = header(r, "ce_id");
          if (original == null) {
            orphans = true;
            System.out.printf("%s-%d@%d: no %s header, left alone%n", r.topic(), r.partition(), r.offset(), ORIGINAL_TOPIC);
            continue;
          }
          if (only != null && !only.equals(original)) {
            continue;
          }
          System.out.printf("%s-%d@%d -> %s  ce_id=%s  ce_type=%s  reason=%s%n", r.topic(), r.partition(), r.offset(),
              original, id, header(r, "ce_type"), reason == null ? "-" : abbreviate(reason, 160));
          perTopic.merge(original, 1, Integer::sum);
          replayed++;
          if (apply) {
            RecordHeaders headers = new RecordHeaders();
            for (Header h : r.headers()) {
              if (!h.key().startsWith("x-") && !h.key().startsWith("kafka_dlt-")) {
                headers.add(h.key(), h.value());
              }
            }
            producer.send(new ProducerRecord<>(original, null, r.key(), r.value(), headers));
          }
        }
      }
      if (apply) {
        producer.flush();
        consumer.commitSync(done);
      }
    }
    System.out.printf("%s %d record(s) of %s: %s%n", apply ? "replayed" : "would replay", replayed, dlq, perTopic);
    return orphans ? -1 : replayed;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s, int max) {
    String line = s.replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  private DlqReplay() {
  }
}
