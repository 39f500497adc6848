package org.fundflow.bench;

import static org.fundflow.bench.Figures.f0;
import static org.fundflow.bench.Figures.f1;
import static org.fundflow.bench.Figures.list;
import static org.fundflow.bench.Figures.loadavg;
import static org.fundflow.bench.Figures.loads;
import static org.fundflow.bench.Figures.median;
import static org.fundflow.bench.Report.say;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.fundflow.platform.test.SharedInfrastructure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The raw limits the suite's figures are compared with: store inserts/s through the reactive driver and Kafka
 * produce->consume latency, on the same embedded broker and Mongo-wire store; one warm-up (printed, not counted),
 * then {@code repeats} runs, median.
 */
final class RawBaselines {

  /** The medians: store inserts/s, Kafka produce->consume p50 and p99 in ms. */
  record Baselines(double inserts, double kafkaP50, double kafkaP99) {}

  /** One produce->consume run: p50 and p99 in ms, records received. */
  record KafkaLatency(double p50, double p99, long received) {}

  private final SharedInfrastructure infra;
  private final Report report;
  private final int repeats;

  RawBaselines(SharedInfrastructure infra, Report report, int repeats) {
    this.infra = infra;
    this.report = report;
    this.repeats = repeats;
  }

  Baselines measure() throws Exception {
    // warm-up (JIT, connections, topic metadata): measured, printed, not counted
    double warmInserts = storeInserts("warmup", 1000, Duration.ofSeconds(10));
    KafkaLatency warm = kafkaLatency("bench.raw.warmup", 1000, 1000, Duration.ofSeconds(10));
    say("warm-up: store " + f0(warmInserts) + " inserts/s, kafka p50/p99 "
        + list(new double[] {warm.p50(), warm.p99()}) + " ms");
    double[] inserts = new double[repeats];
    double[] insLoad = new double[2 * repeats];
    for (int i = 0; i < repeats; i++) {
      insLoad[2 * i] = loadavg();
      inserts[i] = storeInserts("run" + i, 3000, Duration.ofSeconds(10));
      insLoad[2 * i + 1] = loadavg();
      say("store inserts/s run " + (i + 1) + ": " + f0(inserts[i]));
    }
    double rawInserts = median(inserts);
    report.charts().throughput("raw: store inserts", rawInserts);
    report.row("raw: store inserts/s (reactive driver, 16 in flight, ~1 KB docs)", f0(rawInserts), "runs " + list(inserts),
        "", "", loads(insLoad));

    double[] kp50 = new double[repeats];
    double[] kp99 = new double[repeats];
    double[] kLoad = new double[2 * repeats];
    for (int i = 0; i < repeats; i++) {
      kLoad[2 * i] = loadavg();
      KafkaLatency l = kafkaLatency("bench.raw." + i, 1000, 3000, Duration.ofSeconds(15));
      kLoad[2 * i + 1] = loadavg();
      kp50[i] = l.p50();
      kp99[i] = l.p99();
      say("kafka produce->consume run " + (i + 1) + ": p50 " + f1(l.p50()) + " ms, p99 " + f1(l.p99()) + " ms, received "
          + l.received());
    }
    double rawKp50 = median(kp50);
    double rawKp99 = median(kp99);
    report.charts().latency("raw: kafka produce -> consume", rawKp50, rawKp99);
    report.row("raw: kafka produce->consume p50 ms (1k msg/s, acks=all, linger 0)", f1(rawKp50), "runs " + list(kp50), "",
        "", loads(kLoad));
    report.row("raw: kafka produce->consume p99 ms", f1(rawKp99), "runs " + list(kp99), "", "", loads(kLoad));
    return new Baselines(rawInserts, rawKp50, rawKp99);
  }

  /** Inserts/s of ~1 KB documents, 16 in flight, {@code count} at most, for {@code atMost} at most. */
  double storeInserts(String collection, int count, Duration atMost) {
    try (MongoClient client = MongoClients.create(infra.mongoUri("bench_raw"))) {
      MongoCollection<Document> c = client.getDatabase("bench_raw").getCollection(collection);
      String filler = "x".repeat(900);
      Flux.range(0, 50).flatMap(i -> Mono.from(c.insertOne(new Document("_id", "warm-" + i).append("f", filler))), 16)
          .blockLast(Duration.ofSeconds(30));
      long deadline = System.nanoTime() + atMost.toNanos();
      long start = System.nanoTime();
      Long done = Flux.range(0, count)
          .takeWhile(i -> System.nanoTime() < deadline)
          .flatMap(i -> Mono.from(c.insertOne(new Document("_id", UUID.randomUUID().toString())
              .append("status", "SUBMITTED").append("n", i).append("at", new Date()).append("f", filler))), 16)
          .count().block(atMost.plusSeconds(30));
      return done * 1e9 / (System.nanoTime() - start);
    }
  }

  /** Produce->consume latency at {@code rate} msg/s, {@code count} messages of 1 KB (send time in the value). */
  KafkaLatency kafkaLatency(String topic, int rate, int count, Duration atMost) throws Exception {
    String servers = infra.kafkaBootstrapServers();
    try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic);
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Latencies latencies = new Latencies();
    AtomicLong received = new AtomicLong();
    CountDownLatch assigned = new CountDownLatch(1);
    long deadline = System.nanoTime() + atMost.toNanos() + TimeUnit.SECONDS.toNanos(20);
    Thread consumer = new Thread(() -> {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp)) {
        c.subscribe(List.of(topic));
        while (received.get() < count && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
            long sent = ByteBuffer.wrap(r.value()).getLong();
            latencies.recordNanos(sent, System.nanoTime());
            received.incrementAndGet();
          }
          if (!c.assignment().isEmpty()) {
            assigned.countDown();
          }
        }
      }
    }, "bench-consumer");
    consumer.start();
    if (!assigned.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("consumer of " + topic + " got no partitions in 30 s");
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSupport.producerProperties(servers))) {
      long start = System.nanoTime();
      long sendDeadline = start + atMost.toNanos();
      long interval = 1_000_000_000L / rate;
      for (int i = 0; i < count && System.nanoTime() < sendDeadline; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        byte[] value = new byte[1024];
        ByteBuffer.wrap(value).putLong(System.nanoTime());
        producer.send(new ProducerRecord<>(topic, "k" + (i % 64), value));
      }
      producer.flush();
    }
    consumer.join(TimeUnit.SECONDS.toMillis(40));
    return new KafkaLatency(latencies.percentile(50), latencies.percentile(99), received.get());
  }
}
