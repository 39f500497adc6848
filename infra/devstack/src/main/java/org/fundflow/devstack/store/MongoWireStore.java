package org.fundflow.devstack.store;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.fundflow.devstack.store.DurableH2Backend.Durability;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on an H2 MVStore file that does not lose
 * acknowledged writes when the process is killed.
 *
 * <pre>
 * java -cp ... org.fundflow.devstack.store.MongoWireStore [--port 27017] [--host 127.0.0.1]
 *      [--file .devstack/store/fundflow.mv] [--durability fsync|commit|background] [--no-oplog]
 *      [--exit-on-stdin-eof]
 * </pre>
 *
 * Prints {@code MongoWireStore READY mongodb://host:port} when it accepts connections.
 */
public final class MongoWireStore {

  private MongoWireStore() {}

  public static void main(String[] args) throws Exception {
    int port = 27017;
    String host = "127.0.0.1";
    Path file = Path.of(".devstack", "store", "fundflow.mv");
    Durability durability = Durability.FSYNC;
    boolean oplog = true;
    boolean exitOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        case "--file" -> file = Path.of(args[++i]);
        case "--durability" -> durability = Durability.valueOf(args[++i].toUpperCase());
        case "--no-oplog" -> oplog = false;
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());

    MVStore mvStore = durability == Durability.BACKGROUND
        ? MVStore.open(absolute.toString()) // exactly what new H2Backend(fileName) does
        : DurableH2Backend.openStore(absolute.toString());
    DurableH2Backend backend = new DurableH2Backend(mvStore, durability);
    MongoServer server = new MongoServer(backend);
    if (oplog) {
      server.enableOplog(); // change streams (resumeAfter) need it
    }
    server.bind(host, port);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown(); // closes the backend and with it the MVStore (clean close)
      stopped.countDown();
    }, "store-shutdown"));
    if (exitOnStdinEof) {
      Thread watchdog = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // the parent keeps the pipe open while it lives
          }
        } catch (Exception ignored) {
          // fall through
        }
        System.out.println("MongoWireStore: parent gone (stdin closed), stopping");
        System.exit(0);
      }, "parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    System.out.printf("MongoWireStore READY mongodb://%s:%d file=%s durability=%s oplog=%s%n",
        host, port, absolute, durability, oplog);
    System.out.flush();
    stopped.await();
  }
}
