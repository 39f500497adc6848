package org.fundflow.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When milestone-review's outbox relay published each project's completion: the timestamp (the
 * producer's send time) of every {@code project-completed} record on {@code milestone.project-events}
 * from now on, by project id (the record key). Splits (c)'s latency into its hops.
 */
final class CompletionTimes implements AutoCloseable {

  private static final String TOPIC = "milestone.project-events";
  private static final String TYPE = "fundflow.milestone.project-completed.v1";

  private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final Thread poller;
  private volatile boolean open = true;

  CompletionTimes(String bootstrapServers) throws InterruptedException {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    poller = new Thread(() -> poll(p), "bench-completion-times");
    poller.setDaemon(true);
    poller.start();
    if (!assigned.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no partitions of " + TOPIC + " in 30 s");
    }
  }

  /** Epoch ms at which the completion of this project was published, or null if not seen. */
  Long publishedAt(String projectId) {
    return publishedAt.get(projectId);
  }

  private void poll(Properties properties) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // the end as of now, before any decision is made
      assigned.countDown();
      while (open) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          Header type = r.headers().lastHeader("ce_type");
          if (type != null && TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            publishedAt.putIfAbsent(r.key(), r.timestamp());
          }
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    poller.join(TimeUnit.SECONDS.toMillis(5));
  }
}
