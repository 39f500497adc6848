package org.fundflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The benchmark's count of store operations tells a consumer's write from the outbox relay's claim and removal. */
class StoreOperationsTest {

  SnapshotMemoryBackend backend;
  MongoServer server;
  MongoClient client;
  MongoCollection<Document> proposals;

  @BeforeEach
  void start() {
    backend = new SnapshotMemoryBackend();
    server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    proposals = client.getDatabase("fundflow_intake").getCollection("proposals");
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void countsEachStatementByWhatItDoes() {
    block(proposals.insertMany(List.of(new Document("_id", "p1"), new Document("_id", "p2"))));
    // a consumer's state change: the event it applied goes into the inbox, the events it causes into the outbox
    block(proposals.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("state", "SUBMITTED"),
        Updates.push("inbox", "e1"), Updates.push("outbox", new Document("id", "o1")))));
    block(proposals.updateOne(Filters.eq("_id", "p2"), Updates.set("state", "DRAFT")));
    Flux.from(proposals.find(Filters.exists("outbox"))).collectList().block();
    // the relay: claim, remove what it published, release a lease it could not use
    block(proposals.findOneAndUpdate(Filters.eq("_id", "p1"), Updates.set("outboxLease", new Document("owner", "r1")),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    block(proposals.updateOne(Filters.eq("_id", "p1"), Updates.combine(
        Updates.pull("outbox", new Document("id", new Document("$in", List.of("o1")))), Updates.unset("outboxLease"))));
    block(proposals.updateOne(Filters.eq("_id", "p2"), Updates.unset("outboxLease")));
    block(proposals.deleteOne(Filters.eq("_id", "p2")));

    assertThat(backend.operations().snapshot()).containsAllEntriesOf(Map.of(
        "fundflow_intake insert", 2L,
        "fundflow_intake write recording an applied event", 1L,
        "fundflow_intake write", 1L,
        "fundflow_intake read", 1L,
        "fundflow_intake relay claim", 1L,
        "fundflow_intake relay removal", 1L,
        "fundflow_intake relay release", 1L,
        "fundflow_intake delete", 1L));
  }

  private static void block(org.reactivestreams.Publisher<?> publisher) {
    Mono.from(publisher).block();
  }
}
