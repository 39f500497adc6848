package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.fundflow.platform.test.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shared test store answers a read of a document while another connection updates it. The stock
 * mongo-java-server memory backend handed the read the stored document itself and updated that document
 * in place; the reply was encoded after the collection's lock was released, so an update that added or
 * removed a field (as the outbox relay's lease does) failed the encoding with a
 * ConcurrentModificationException, the server dropped the connection and the driver failed every
 * operation in flight on that pool ("pool is paused because another operation failed"): TwoRelaysIT
 * failed in CI that way.
 */
class ReadsDuringUpdatesIT {

  private static final int ROUNDS = 2_000;

  @Test
  void readsOfADocumentBeingUpdatedAllSucceed() {
    String database = "reads_during_updates_" + UUID.randomUUID().toString().substring(0, 8);
    try (MongoClient client = MongoClients.create(SharedInfrastructure.get().mongoUri(database))) {
      MongoCollection<Document> counters = client.getDatabase(database).getCollection("counters");
      Document fields = new Document("_id", "c");
      for (int i = 0; i < 40; i++) {
        fields.append("field" + i, "value " + i);
      }
      Mono.from(counters.insertOne(fields)).block(Duration.ofSeconds(10));

      AtomicInteger reads = new AtomicInteger();
      Flux<Object> updates = Flux.range(0, ROUNDS)
          .concatMap(i -> Mono.from(counters.updateOne(new Document("_id", "c"), i % 2 == 0
              ? new Document("$set", new Document("lease", new Document("owner", "relay-" + i)))
              : new Document("$unset", new Document("lease", "")))));
      Flux<Object> readers = Flux.range(0, 4)
          .flatMap(r -> Flux.range(0, ROUNDS)
              .concatMap(i -> Mono.from(counters.find(new Document("_id", "c")).first())
                  .doOnNext(doc -> reads.incrementAndGet())));

      // another relay claiming the document and getting it back (findAndModify, returnNew): that answer too is
      // encoded after the lock
      AtomicInteger claims = new AtomicInteger();
      Flux<Object> claimer = Flux.range(0, ROUNDS)
          .concatMap(i -> Mono.from(counters.findOneAndUpdate(new Document("_id", "c"),
                  new Document("$set", new Document("claim" + (i % 2), i))
                      .append("$unset", new Document("claim" + ((i + 1) % 2), "")),
                  new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
              .doOnNext(doc -> claims.incrementAndGet()));

      Flux.merge(updates, readers, claimer).blockLast(Duration.ofMinutes(3));

      assertThat(reads).hasValue(4 * ROUNDS);
      assertThat(claims).hasValue(ROUNDS);
    }
  }
}
