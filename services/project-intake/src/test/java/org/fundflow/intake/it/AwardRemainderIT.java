package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Issue 17 point 5: a terminated project's unpaid award (post-subsidy's award-remainder-released) goes back to its
 * program's budget exactly once, over the real broker and store.
 */
class AwardRemainderIT extends IntakeIT {

  static final String TOPIC = "subsidy.disbursement-events";
  static final String TYPE = "fundflow.subsidy.award-remainder-released.v1";

  static String remainder(String projectId, String programId, long awarded, long paid) {
    return """
        {"projectId":"%s","programId":"%s","organisationCode":"%s","awardedFen":%d,"paidFen":%d,"remainderFen":%d,
         "explanation":"awarded - released","terminationEventId":"%s","releasedAt":"%s"}"""
        .formatted(projectId, programId, ORGS.get(18), awarded, paid, awarded - paid, UUID.randomUUID(),
            Instant.now());
  }

  /** Publishes with the given event id (a redelivery keeps its id). */
  static void publishAs(String eventId, String key, String json) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
        new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8));
      CloudEventHeaders.write(new CloudEventAttributes(eventId, TYPE, "/fundflow/post-subsidy", key, Instant.now(),
          "corr-" + eventId, null), record.headers());
      producer.send(record).get();
    }
  }

  String awardedProject(String program, String org, long amount) {
    String id = underReview(program, org, amount);
    return (String) json(post(manager(), "/proposals/" + id + "/award", Map.of("amountFen", amount)), HttpStatus.OK)
        .get("projectId");
  }

  long awardedFen(String program) {
    return ((Number) json(get(manager(), "/programs/" + program), HttpStatus.OK).get("awardedFen")).longValue();
  }

  @Test
  void givenATerminatedProjectsRemainder_whenDeliveredTwiceAndDuplicated_thenTheBudgetGetsItBackOnce()
      throws Exception {
    String program = openProgram("GENERAL", 100_000_000, 10_000_000);
    String a = awardedProject(program, ORGS.get(18), 1_000_000);
    String b = awardedProject(program, ORGS.get(19), 500_000);
    assertThat(awardedFen(program)).isEqualTo(1_500_000);

    String event = remainder(a, program, 1_000_000, 600_000); // 400,000 fen unpaid
    String eventId = UUID.randomUUID().toString();
    publishAs(eventId, a, event);
    publishAs(eventId, a, event); // redelivered
    publishAs(UUID.randomUUID().toString(), a, event); // published again with another id
    publishAs(UUID.randomUUID().toString(), a, remainder(b, program, 500_000, 0)); // same partition: comes after

    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(awardedFen(program)).isEqualTo(1_500_000 - 400_000 - 500_000));
    Thread.sleep(1_000);
    assertThat(awardedFen(program)).isEqualTo(600_000);
  }
}
