package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.platform.domain.ConcurrentChange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The single-document write against the Mongo-wire store: state, version, outbox and inbox together. */
class AggregateWriterIT {

  record Proposal(String id, String title, String reason) {}

  private final ReactiveMongoTemplate template = OutboxFixtures.template("writer_" + UUID.randomUUID().toString().substring(0, 8));
  private final AggregateWriter writer = new AggregateWriter(template, null);
  private final OutboxEvents events = OutboxFixtures.events();

  AggregateWriterIT() {
    // as in a service: the (_id, version) index the conditional update is answered from
    new AggregateIndexes(template).ensure(List.of("proposals")).block(java.time.Duration.ofSeconds(30));
  }

  private OutboxEvent event(String id) {
    return events.create("t", "fundflow.test.thing-happened.v1", id, id, null, Map.of("id", id));
  }

  private Document load(String id) {
    return template.findById(id, Document.class, "proposals").block();
  }

  @Test
  void stateVersionAndEventsAreStoredTogether() {
    writer.write(AggregateWrite.create("proposals", "p1", new Proposal("p1", "A", "why"), List.of(event("p1")))).block();
    writer.write(AggregateWrite.update("proposals", "p1", 1, new Proposal("p1", "B", null), List.of(event("p1")))).block();
    Document doc = load("p1");
    assertThat(doc.getString("title")).isEqualTo("B");
    assertThat(doc.containsKey("reason")).as("a field that became null is removed").isFalse();
    assertThat(doc.getLong("version")).isEqualTo(2L);
    assertThat(doc.getList("outbox", Document.class)).hasSize(2);
  }

  @Test
  void aStaleVersionChangesNothing() {
    writer.write(AggregateWrite.create("proposals", "p2", new Proposal("p2", "A", null), List.of())).block();
    writer.write(AggregateWrite.update("proposals", "p2", 1, new Proposal("p2", "B", null), List.of(event("p2")))).block();
    assertThatThrownBy(() -> writer.write(AggregateWrite.update("proposals", "p2", 1, new Proposal("p2", "C", null),
        List.of(event("p2")))).block()).isInstanceOf(ConcurrentChange.class);
    Document doc = load("p2");
    assertThat(doc.getString("title")).isEqualTo("B");
    assertThat(doc.getList("outbox", Document.class)).hasSize(1);
  }

  @Test
  void anEventAppliedTwiceChangesTheDocumentOnce() {
    writer.write(AggregateWrite.create("proposals", "p3", new Proposal("p3", "A", null), List.of())).block();
    AggregateWrite apply = AggregateWrite.update("proposals", "p3", 1, new Proposal("p3", "B", null), List.of(event("p3")))
        .applying("evt-1");
    assertThat(writer.write(apply).block()).isEqualTo(WriteOutcome.WRITTEN);
    AggregateWrite again = AggregateWrite.update("proposals", "p3", 2, new Proposal("p3", "C", null), List.of(event("p3")))
        .applying("evt-1");
    assertThat(writer.write(again).block()).isEqualTo(WriteOutcome.ALREADY_APPLIED);
    Document doc = load("p3");
    assertThat(doc.getString("title")).isEqualTo("B");
    assertThat(doc.getLong("version")).isEqualTo(2L);
    assertThat(doc.getList("inbox", String.class)).containsExactly("evt-1");
  }

  @Test
  void creatingFromTheSameEventTwiceIsANoOpButAPlainDuplicateIsAnError() {
    AggregateWrite create = new AggregateWrite("proposals", "p4", null, new Proposal("p4", "A", null), List.of(), "evt-4");
    assertThat(writer.write(create).block()).isEqualTo(WriteOutcome.WRITTEN);
    assertThat(writer.write(create).block()).isEqualTo(WriteOutcome.ALREADY_APPLIED);
    assertThatThrownBy(() -> writer.write(AggregateWrite.create("proposals", "p4", new Proposal("p4", "B", null), List.of())).block())
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theInboxIsBounded() {
    writer.write(AggregateWrite.create("proposals", "p5", new Proposal("p5", "A", null), List.of())).block();
    int n = AggregateDocument.INBOX_SIZE + 5;
    for (int i = 0; i < n; i++) {
      writer.write(AggregateWrite.update("proposals", "p5", i + 1, new Proposal("p5", "A" + i, null), List.of())
          .applying("e" + i)).block();
    }
    List<String> inbox = load("p5").getList("inbox", String.class);
    assertThat(inbox).hasSize(AggregateDocument.INBOX_SIZE).endsWith("e" + (n - 1)).doesNotContain("e0");
  }
}
