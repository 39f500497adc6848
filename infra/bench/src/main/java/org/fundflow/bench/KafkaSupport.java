package org.fundflow.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The benchmark's producer settings, record headers and the suite's event count. */
final class KafkaSupport {

  private KafkaSupport() {
  }

  /** String keys, byte[] values, {@code acks=all}, {@code linger.ms=0}. */
  static Properties producerProperties(String bootstrapServers) {
    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return pp;
  }

  static void put(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sum of the end offsets of every topic but the benchmark's own. */
  static long eventCount(String bootstrapServers) throws Exception {
    try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
      List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(t -> !t.startsWith("bench.") && !t.startsWith("__")).toList();
      Map<TopicPartition, OffsetSpec> wanted = new LinkedHashMap<>();
      admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
          d.partitions().forEach(p -> wanted.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      long sum = 0;
      for (var e : admin.listOffsets(wanted).all().get(30, TimeUnit.SECONDS).values()) {
        sum += e.offset();
      }
      return sum;
    }
  }
}
