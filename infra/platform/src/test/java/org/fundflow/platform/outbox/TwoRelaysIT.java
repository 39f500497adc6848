package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.outbox.OutboxFixtures.Counter;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** (c) Two relays (two replicas of a service) on one collection lose nothing and keep per-aggregate order. */
class TwoRelaysIT {

  private static final int AGGREGATES = 40;
  private static final int EVENTS_PER_AGGREGATE = 10;
  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

  private final ReactiveMongoTemplate template = OutboxFixtures.template("two_relays_" + UUID.randomUUID().toString().substring(0, 8));
  private final AggregateWriter writer = new AggregateWriter(template, null);
  private final OutboxEvents events = OutboxFixtures.events();

  @Test
  void twoRelaysOnTheSameCollectionLoseNothingAndKeepPerAggregateOrder() {
    String topic = OutboxFixtures.newTopic();
    try (KafkaOutboxPublisher a = OutboxFixtures.publisher(); KafkaOutboxPublisher b = OutboxFixtures.publisher()) {
      OutboxRelay relayA = OutboxFixtures.relay(template, a, "replica-a");
      OutboxRelay relayB = OutboxFixtures.relay(template, b, "replica-b");
      relayA.start();
      relayB.start();

      // writers run while both relays publish: each aggregate gets its events one state change at a time
      Flux.range(0, AGGREGATES)
          .flatMap(i -> writeSequence("counter-" + i, topic), 8)
          .blockLast(Duration.ofMinutes(2));

      int expected = AGGREGATES * EVENTS_PER_AGGREGATE;
      List<ConsumerRecord<String, byte[]>> records = OutboxFixtures.readUntil(topic,
          r -> r.stream().map(OutboxFixtures::eventId).distinct().count() >= expected, Duration.ofSeconds(60));
      relayA.stop();
      relayB.stop();

      Set<String> distinct = new HashSet<>();
      Map<String, List<Integer>> firstSeenOrder = new LinkedHashMap<>();
      Map<String, String> ownerOfEvent = new HashMap<>();
      for (ConsumerRecord<String, byte[]> r : records) {
        String id = OutboxFixtures.eventId(r);
        if (distinct.add(id)) {
          firstSeenOrder.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequenceOf(r));
        }
        ownerOfEvent.put(id, r.key());
      }
      int duplicates = records.size() - distinct.size();
      System.out.printf("[platform] (c) two relays: %d events written, %d distinct received, %d duplicates, %d aggregates%n",
          expected, distinct.size(), duplicates, firstSeenOrder.size());

      assertThat(distinct).hasSize(expected);
      List<Integer> inOrder = java.util.stream.IntStream.rangeClosed(1, EVENTS_PER_AGGREGATE).boxed().toList();
      assertThat(firstSeenOrder).hasSize(AGGREGATES);
      firstSeenOrder.forEach((key, sequence) -> assertThat(sequence).as("order of %s", key).isEqualTo(inOrder));
      assertThat(template.count(new org.springframework.data.mongodb.core.query.Query(
          org.springframework.data.mongodb.core.query.Criteria.where("outbox").ne(List.of())), OutboxFixtures.COLLECTION)
          .block()).isZero();
    }
  }

  private Mono<Void> writeSequence(String id, String topic) {
    return Flux.range(1, EVENTS_PER_AGGREGATE)
        .concatMap(n -> n == 1
            ? writer.write(AggregateWrite.create(OutboxFixtures.COLLECTION, id, new Counter(id, 1), List.of(event(topic, id, 1))))
            : increment(id, n, topic))
        .then();
  }

  private Mono<WriteOutcome> increment(String id, int n, String topic) {
    return Mono.defer(() -> template.findById(id, Document.class, OutboxFixtures.COLLECTION)
            .flatMap(doc -> writer.write(AggregateWrite.update(OutboxFixtures.COLLECTION, id, doc.getLong("version"),
                new Counter(id, n), List.of(event(topic, id, n))))))
        .retryWhen(ConcurrentChanges.retry());
  }

  private OutboxEvent event(String topic, String id, int sequence) {
    return events.create(topic, "fundflow.platformtest.counter-incremented.v1", id, id, null,
        Map.of("counterId", id, "sequence", sequence));
  }

  private static int sequenceOf(ConsumerRecord<String, byte[]> r) {
    Matcher m = SEQUENCE.matcher(new String(r.value(), StandardCharsets.UTF_8));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
