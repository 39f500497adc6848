package org.fundflow.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.fundflow.devstack.store.DurableH2Backend.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devstack store (the one the fault tests run against) answers every read of a document while other connections
 * change it - as two replicas of a service do to one aggregate: one relay claims the outbox lease (a field added,
 * the document returned), the other replica reads the document for a request, the relay gives the lease back (the
 * field removed).
 *
 * <p>mongo-java-server's H2 backend hands a query (and findAndModify's answer) the stored document itself and applies
 * updates to that very document in place; the reply is encoded on the network thread after the collection's lock is
 * released. An update that adds or removes a field while a reply is being encoded throws
 * ConcurrentModificationException in the encoder, the store closes the connection, and the driver of the reading
 * service pauses its connection pool: every operation in flight there fails (MongoConnectionPoolClearedException,
 * answered 500 by the services before 61ee5a1, a 503 since). The platform's test store got the cure in bf1df97; the
 * devstack store had not.
 */
class ReadsDuringUpdatesTest {

  static final int ROUNDS = 1_500;
  static final int READERS = 3;

  @TempDir
  Path dir;

  @Test
  void readsAndClaimsOfADocumentBeingChangedAllSucceed_andSoAfterTheStoreIsReopenedOnItsFile() throws Exception {
    Path file = dir.resolve("reads.mv");
    hammer(file, true);
    hammer(file, false); // the collections found on the file are opened while the backend is constructed
  }

  private void hammer(Path file, boolean insert) throws Exception {
    DurableH2Backend backend = new DurableH2Backend(DurableH2Backend.openStore(file.toString()), Durability.COMMIT);
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    ExecutorService threads = Executors.newFixedThreadPool(2 + READERS);
    try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
        .retryWrites(false).retryReads(false)
        .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
        .build())) {
      MongoCollection<Document> projects = client.getDatabase("fundflow_test").getCollection("projects");
      if (insert) {
        Document project = new Document("_id", "prj-1").append("version", 1L);
        for (int i = 0; i < 40; i++) {
          project.append("field" + i, new Document("value", "value " + i).append("list", List.of(i, i + 1, i + 2)));
        }
        projects.insertOne(project);
      }

      Queue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger reads = new AtomicInteger();
      AtomicInteger claims = new AtomicInteger();
      List<Future<?>> work = new ArrayList<>();
      // a writer that adds and removes a field, as the relay's lease and its release do
      work.add(threads.submit(() -> run(failures, () -> {
        for (int i = 0; i < ROUNDS; i++) {
          projects.updateOne(new Document("_id", "prj-1"), i % 2 == 0
              ? new Document("$set", new Document("outboxLease", new Document("owner", "relay-a").append("n", i)))
              : new Document("$unset", new Document("outboxLease", "")).append("$inc", new Document("version", 1L)));
        }
      })));
      // the other replica's relay claiming the document and getting it back (findAndModify, returnNew)
      work.add(threads.submit(() -> run(failures, () -> {
        for (int i = 0; i < ROUNDS; i++) {
          projects.findOneAndUpdate(new Document("_id", "prj-1"),
              new Document("$set", new Document("claim" + (i % 2), i)).append("$unset", new Document("claim" + ((i + 1) % 2), "")),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
          claims.incrementAndGet();
        }
      })));
      // requests reading the whole document
      for (int r = 0; r < READERS; r++) {
        work.add(threads.submit(() -> run(failures, () -> {
          for (int i = 0; i < ROUNDS; i++) {
            if (projects.find(new Document("_id", "prj-1")).first() != null) {
              reads.incrementAndGet();
            }
          }
        })));
      }
      for (Future<?> f : work) {
        f.get(5, TimeUnit.MINUTES);
      }

      assertThat(failures).as("operations that failed while the document was being changed").isEmpty();
      assertThat(reads).hasValue(READERS * ROUNDS);
      assertThat(claims).hasValue(ROUNDS);
    } finally {
      threads.shutdownNow();
      server.shutdown(); // closes the backend and its file
    }
  }

  private static void run(Queue<String> failures, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      failures.add(e.toString());
    }
  }
}
