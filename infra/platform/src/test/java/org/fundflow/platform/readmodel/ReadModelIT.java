package org.fundflow.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/** The holds copy and the figures base against the shared Mongo-wire store. */
class ReadModelIT {

  private final String database = "readmodel_" + UUID.randomUUID().toString().substring(0, 8);
  private final ReactiveMongoTemplate template = new ReactiveMongoTemplate(
      MongoClients.create(SharedInfrastructure.get().mongoUri(database)), database);
  private final MongoOrganisationHolds holds = new MongoOrganisationHolds(template);

  @Test
  void holdsArePlacedOnceAndListedFirstPlacedFirst() {
    holds.place("ORG-A", "h1").block();
    holds.place("ORG-A", "h2").block();
    holds.place("ORG-A", "h1").block();
    assertThat(holds.activeHolds("ORG-A").block()).containsExactly("h1", "h2");
    assertThat(holds.activeHold("ORG-A").block()).isEqualTo("h1");
    assertThat(holds.activeHolds("ORG-B").block()).isEmpty();
    assertThat(holds.activeHold("ORG-B").blockOptional()).isEmpty();
  }

  @Test
  void liftingSaysWhetherTheOrganisationIsFree() {
    holds.place("ORG-C", "h1").block();
    holds.place("ORG-C", "h2").block();
    assertThat(holds.lift("ORG-C", "h1").block()).as("h2 still holds it").isFalse();
    assertThat(holds.lift("ORG-C", "h2").block()).isTrue();
    assertThat(holds.lift("ORG-C", "h2").block()).as("a lifting heard again").isTrue();
    assertThat(holds.activeHolds("ORG-C").block()).isEmpty();
  }

  @Test
  void aLiftedHoldIsNeverActiveAgain() {
    holds.place("ORG-D", "h1").block();
    holds.lift("ORG-D", "h1").block();
    holds.place("ORG-D", "h1").block();
    assertThat(holds.activeHolds("ORG-D").block()).as("a redelivered placement").isEmpty();

    assertThat(holds.lift("ORG-E", "h9").block()).as("lifted before its placement was heard").isTrue();
    holds.place("ORG-E", "h9").block();
    assertThat(holds.activeHolds("ORG-E").block()).isEmpty();
    holds.place("ORG-E", "h10").block();
    assertThat(holds.activeHolds("ORG-E").block()).containsExactly("h10");
  }

  static final class Figures extends StoreFigures {
    Figures(ReactiveMongoTemplate template) {
      super(template);
    }

    Flux<Document> perStatus() {
      return aggregate("things", new Document("$group", new Document("_id", "$status")
          .append("count", new Document("$sum", 1)).append("fen", new Document("$sum", "$fen"))));
    }

    Flux<Document> names() {
      return fields("things", "_id", "terms.name");
    }
  }

  @Test
  void figuresAreCountedAndProjectedByTheStore() {
    template.insert(List.of(new Document("_id", "t1").append("status", "OPEN").append("fen", 5L)
            .append("terms", new Document("name", "one").append("secret", "x")),
        new Document("_id", "t2").append("status", "OPEN").append("fen", 7L),
        new Document("_id", "t3").append("status", "CLOSED")), "things").collectList().block();
    Figures figures = new Figures(template);
    assertThat(figures.perStatus().collectList().block())
        .extracting(d -> d.getString("_id") + "=" + StoreFigures.number(d, "count") + "/" + StoreFigures.number(d, "fen"))
        .containsExactlyInAnyOrder("OPEN=2/12", "CLOSED=1/0");
    Document one = figures.names().filter(d -> d.getString("_id").equals("t1")).blockFirst();
    assertThat(one.get("terms", Document.class)).isEqualTo(new Document("name", "one"));
    assertThat(one.containsKey("status")).isFalse();
  }
}
