package org.fundflow.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store must not lose an acknowledged write when its process is killed (kill -9): STACK.md
 * measured that the stock H2 backend lost the last 0.7-3 s of acknowledged inserts.
 *
 * <p>Starts {@link MongoWireStore} as a child process on a file, lets concurrent writers insert
 * through the sync driver, kills the process with SIGKILL in mid-stream
 * ({@link Process#destroyForcibly()}), restarts it on the same file and looks for every insert that
 * had been acknowledged.
 */
class MongoWireStoreKillTest {

  static final int ATTEMPTED = 2_000;
  static final int KILL_AFTER_ACKS = 1_000;
  static final int WRITERS = 4;

  @TempDir
  Path dir;

  @Test
  void noAcknowledgedInsertIsLostOnKill9_defaultDurability() throws Exception {
    Result result = killMidStream(null);
    assertThat(result.ackedAtKill).as("killed in mid-stream").isLessThan(ATTEMPTED);
    assertThat(result.missing).as("acknowledged inserts missing after kill -9 and restart").isEmpty();
  }

  /**
   * The control: the stock background commit, through the same harness, does lose acknowledged
   * writes - which shows that the test above can see a loss. Opt-in (timing-dependent):
   * {@code -Ddevstack.durability.control=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "devstack.durability.control", matches = "true")
  void control_stockBackgroundCommitLosesAcknowledgedInserts() throws Exception {
    Result result = killMidStream("background");
    System.out.println("control (background commit): lost " + result.missing.size() + " of " + result.acked + " acknowledged");
    assertThat(result.missing).isNotEmpty();
  }

  record Result(int ackedAtKill, int acked, Set<Integer> missing, long millis) {}

  private Result killMidStream(String durability) throws Exception {
    long start = System.nanoTime();
    Path file = dir.resolve("kill.mv");
    int port = freePort();
    Process store = startStore(port, file, durability, dir.resolve("store-1.log"));
    Set<Integer> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    int ackedAtKill;
    try (MongoClient client = client(port)) {
      MongoCollection<Document> docs = client.getDatabase("fundflow_test").getCollection("docs");
      awaitPing(client, store);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      for (int w = 0; w < WRITERS; w++) {
        writers.submit(() -> {
          String payload = "x".repeat(300);
          for (int i = next.getAndIncrement(); i < ATTEMPTED; i = next.getAndIncrement()) {
            try {
              docs.insertOne(new Document("_id", i).append("payload", payload));
              acked.add(i); // the server replied: acknowledged
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              return; // the server is gone
            }
          }
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (acked.size() < KILL_AFTER_ACKS && System.nanoTime() < deadline && store.isAlive()) {
        Thread.sleep(2);
      }
      ackedAtKill = acked.size();
      store.destroyForcibly(); // SIGKILL, no shutdown hook, no clean close of the MVStore
      assertThat(store.waitFor(10, TimeUnit.SECONDS)).isTrue();
      writers.shutdown();
      assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    System.out.printf("kill -9 after %d acknowledged inserts (%d by the time the writers noticed), writer failures %d%n",
        ackedAtKill, acked.size(), failures.get());

    Process restarted = startStore(port, file, durability, dir.resolve("store-2.log"));
    try (MongoClient client = client(port)) {
      awaitPing(client, restarted);
      Set<Integer> present = new HashSet<>();
      client.getDatabase("fundflow_test").getCollection("docs").find()
          .forEach(d -> present.add(d.getInteger("_id")));
      Set<Integer> missing = new TreeSet<>(acked);
      missing.removeAll(present);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("after restart: %d documents present, %d acknowledged, %d acknowledged missing %s (%d ms)%n",
          present.size(), acked.size(), missing.size(), missing.size() > 20 ? "" : missing, millis);
      return new Result(ackedAtKill, acked.size(), missing, millis);
    } finally {
      restarted.destroy();
      restarted.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process startStore(int port, Path file, String durability, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        MongoWireStore.class.getName(), "--port", String.valueOf(port), "--file", file.toString(), "--exit-on-stdin-eof"));
    if (durability != null) {
      cmd.add("--durability");
      cmd.add(durability);
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static MongoClient client(int port) {
    return MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
        .retryWrites(false)
        .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(1, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
        .applyToConnectionPoolSettings(p -> p.maxWaitTime(2, TimeUnit.SECONDS))
        .build());
  }

  private void awaitPing(MongoClient client, Process store) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!store.isAlive()) {
        throw new IllegalStateException("store exited: " + Files.readString(dir.resolve("store-1.log")));
      }
      try {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        return;
      } catch (RuntimeException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("store did not answer a ping in 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
