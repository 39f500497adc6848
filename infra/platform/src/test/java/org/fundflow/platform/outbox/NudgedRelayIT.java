package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundflow.platform.outbox.OutboxFixtures.Counter;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/** A local write is published because the writer nudged the relay with its document, not by a poll. */
class NudgedRelayIT {

  private final ReactiveMongoTemplate template = OutboxFixtures.template("nudged_" + UUID.randomUUID().toString().substring(0, 8));
  private final OutboxEvents events = OutboxFixtures.events();

  @Test
  void writesAreRelayedWithoutWaitingForThePoll() {
    new AggregateIndexes(template).ensure(List.of(OutboxFixtures.COLLECTION)).block(Duration.ofSeconds(30));
    String topic = OutboxFixtures.newTopic();
    try (KafkaOutboxPublisher publisher = OutboxFixtures.publisher()) {
      // one sweep at start, the next one in an hour: only the nudges can publish what is written below
      OutboxRelay relay = new OutboxRelay(template, publisher, List.of(OutboxFixtures.COLLECTION), "nudged",
          Duration.ofHours(1), Duration.ofSeconds(30), 50, Clock.systemUTC(), null);
      AggregateWriter writer = new AggregateWriter(template, relay);
      relay.start();
      try {
        int aggregates = 20;
        Flux.range(0, aggregates)
            .flatMap(i -> writer.write(AggregateWrite.create(OutboxFixtures.COLLECTION, "n-" + i, new Counter("n-" + i, 1),
                List.of(events.create(topic, "fundflow.platformtest.counter-created.v1", "n-" + i, "n-" + i, null,
                    Map.of("counterId", "n-" + i))))), 4)
            .blockLast(Duration.ofSeconds(60));
        List<ConsumerRecord<String, byte[]>> read = OutboxFixtures.readUntil(topic,
            r -> r.stream().map(OutboxFixtures::eventId).distinct().count() >= aggregates, Duration.ofSeconds(60));
        assertThat(read.stream().map(OutboxFixtures::eventId).distinct()).hasSize(aggregates);
        await().atMost(Duration.ofSeconds(30)).until(() -> template.count(
            new Query(Criteria.where("outbox").ne(List.of())), OutboxFixtures.COLLECTION).block() == 0);
      } finally {
        relay.stop();
      }
    }
  }
}
