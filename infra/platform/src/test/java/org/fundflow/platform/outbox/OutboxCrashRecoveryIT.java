package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.fundflow.platform.outbox.OutboxFixtures.Counter;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** (a) An event whose state change was stored survives the death of the process that stored it. */
class OutboxCrashRecoveryIT {

  private final String database = "outbox_crash_" + UUID.randomUUID().toString().substring(0, 8);
  private final ReactiveMongoTemplate template = OutboxFixtures.template(database);

  @Test
  void aProcessKilledAfterTheStateWriteButBeforeThePublishPublishesTheEventAfterRestart() throws Exception {
    String topic = OutboxFixtures.newTopic();
    String counterId = "counter-" + UUID.randomUUID();

    Process writer = new ProcessBuilder(
        new File(System.getProperty("java.home"), "bin/java").getPath(),
        "-cp", System.getProperty("java.class.path"),
        OutboxWriterProcess.class.getName(),
        SharedInfrastructure.get().mongoUri(database), database, topic, counterId)
        .redirectErrorStream(true)
        .start();
    String eventId = awaitWritten(writer);
    writer.destroyForcibly(); // kill -9: no shutdown hook, no relay ever ran in that process
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Document stored = template.findById(counterId, Document.class, OutboxFixtures.COLLECTION).block();
    assertThat(stored.getList("outbox", Document.class)).extracting(d -> d.getString("id")).containsExactly(eventId);

    // the "restarted" service: a fresh relay on the same store
    try (KafkaOutboxPublisher publisher = OutboxFixtures.publisher()) {
      OutboxRelay relay = OutboxFixtures.relay(template, publisher, "restarted");
      relay.start();
      var records = OutboxFixtures.readUntil(topic, r -> !r.isEmpty(), Duration.ofSeconds(30));
      relay.stop();
      assertThat(records).extracting(OutboxFixtures::eventId).containsExactly(eventId);
      assertThat(records.get(0).key()).isEqualTo(counterId);
      assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("\"counterId\":\"" + counterId + "\"");
    }
    Document after = template.findById(counterId, Document.class, OutboxFixtures.COLLECTION).block();
    assertThat(after.getList("outbox", Document.class)).isEmpty();
    assertThat(after.get("outboxLease")).isNull();
    System.out.println("[platform] (a) event " + eventId + " stored by a killed process was published after restart");
  }

  @Test
  void aRelayThatDiesBetweenPublishAndRemovalPublishesTheSameEventIdAgain() throws Exception {
    String topic = OutboxFixtures.newTopic();
    String counterId = "counter-" + UUID.randomUUID();
    OutboxEvent event = OutboxFixtures.events().create(topic, "fundflow.platformtest.counter-started.v1",
        counterId, counterId, null, Map.of("counterId", counterId));
    new AggregateWriter(template, null)
        .write(AggregateWrite.create(OutboxFixtures.COLLECTION, counterId, new Counter(counterId, 1), List.of(event)))
        .block();

    try (KafkaOutboxPublisher kafka = OutboxFixtures.publisher()) {
      OutboxPublisher crashesAfterPublishing = events -> {
        kafka.publish(events);
        throw new IllegalStateException("process died before removing the entries");
      };
      OutboxRelay dying = OutboxFixtures.relay(template, crashesAfterPublishing, "dying");
      assertThat(dying.relayOnce().block()).isZero();
      Document stillThere = template.findById(counterId, Document.class, OutboxFixtures.COLLECTION).block();
      assertThat(stillThere.getList("outbox", Document.class)).hasSize(1);

      OutboxFixtures.relay(template, kafka, "next").relayOnce().block();
      var records = OutboxFixtures.readUntil(topic, r -> r.size() >= 2, Duration.ofSeconds(30));
      // at-least-once: the same event id twice, which consumers de-duplicate (see PlatformPlumbingIT)
      assertThat(records).extracting(OutboxFixtures::eventId).containsExactly(event.id(), event.id());
    }
  }

  private static String awaitWritten(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      if (line.startsWith("WRITTEN ")) {
        return line.substring("WRITTEN ".length()).trim();
      }
      seen.append(line).append('\n');
    }
    process.destroyForcibly();
    throw new AssertionError("writer process never reported its write:\n" + seen);
  }
}
