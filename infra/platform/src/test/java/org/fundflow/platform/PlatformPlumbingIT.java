package org.fundflow.platform;

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
import org.bson.Document;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.fundflow.platform.testapp.Tallies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The platform's consumer side against the real embedded broker and store: (b) an event delivered
 * twice is applied once, (d) a malformed message goes to the dead-letter topic with the reason and
 * the next message is still consumed.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class PlatformPlumbingIT {

  static KafkaProducer<String, byte[]> producer;

  @Autowired ReactiveMongoTemplate template;

  @BeforeAll
  static void producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void close() {
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
    String tally = "tally-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    send(tally, eventId, Tallies.INCREMENTED, "{\"tallyId\":\"" + tally + "\",\"by\":5}");
    send(tally, eventId, Tallies.INCREMENTED, "{\"tallyId\":\"" + tally + "\",\"by\":5}");
    // a later, different event on the same key proves the duplicate was consumed before it
    send(tally, UUID.randomUUID().toString(), Tallies.INCREMENTED, "{\"tallyId\":\"" + tally + "\",\"by\":1}");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Document doc = template.findById(tally, Document.class, Tallies.COLLECTION).block();
      assertThat(doc).isNotNull();
      assertThat(doc.getLong("total")).isEqualTo(6L);
    });
    Document doc = template.findById(tally, Document.class, Tallies.COLLECTION).block();
    assertThat(doc.getList("inbox", String.class)).hasSize(2).contains(eventId);
    assertThat(doc.getLong("version")).isEqualTo(2L);
    System.out.println("[platform] (b) event " + eventId + " delivered twice was applied once: total 6, inbox " + doc.getList("inbox", String.class).size());
  }

  @Test
  void malformedMessagesGoToTheDeadLetterTopicWithTheReasonAndTheNextIsStillConsumed() throws Exception {
    String tally = "tally-" + UUID.randomUUID();
    String notJson = UUID.randomUUID().toString();
    String missingField = UUID.randomUUID().toString();
    send(tally, notJson, Tallies.INCREMENTED, "{not json");
    send(tally, missingField, Tallies.INCREMENTED, "{\"by\":2}");
    ProducerRecord<String, byte[]> noHeaders = new ProducerRecord<>(Tallies.TOPIC, tally, "{}".getBytes(StandardCharsets.UTF_8));
    producer.send(noHeaders).get();
    send(tally, UUID.randomUUID().toString(), Tallies.INCREMENTED, "{\"tallyId\":\"" + tally + "\",\"by\":3}");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Document doc = template.findById(tally, Document.class, Tallies.COLLECTION).block();
      assertThat(doc).isNotNull();
      assertThat(doc.getLong("total")).isEqualTo(3L);
    });

    Map<String, String> reasons = new java.util.HashMap<>();
    try (KafkaConsumer<String, byte[]> dlq = consumer("dlq-reader-" + UUID.randomUUID())) {
      dlq.subscribe(List.of("platform-test.dlq"));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(200))) {
          if (tally.equals(r.key())) {
            var id = r.headers().lastHeader(CloudEventHeaders.ID);
            var reason = r.headers().lastHeader("x-exception-message");
            reasons.put(id == null ? "no-id" : new String(id.value(), StandardCharsets.UTF_8),
                reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
          }
        }
        return reasons.size() >= 3;
      });
    }
    System.out.println("[platform] (d) dead-lettered with reasons, next message applied: " + reasons);
    assertThat(reasons.get(notJson)).contains("unreadable event data");
    assertThat(reasons.get(missingField)).contains("tallyId");
    assertThat(reasons.get("no-id")).contains("missing CloudEvents header ce_id");
  }

  static void send(String key, String id, String type, String json) throws Exception {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Tallies.TOPIC, key, json.getBytes(StandardCharsets.UTF_8));
    CloudEventHeaders.write(new CloudEventAttributes(id, type, "/test", key, Instant.now(), "corr-" + id, null),
        record.headers());
    producer.send(record).get();
  }

  static KafkaConsumer<String, byte[]> consumer(String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
