package org.fundflow.devstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, made durable per command.
 *
 * <p>{@code new H2Backend(fileName)} opens the MVStore with {@code MVStore.open(file)}: auto-commit
 * by a background thread every ~1 s. A write is acknowledged to the client before that thread has
 * stored it, so a kill -9 loses the last second or so of acknowledged writes.
 *
 * <p>Here every command is followed, before its reply goes back to the client, by
 * {@link MVStore#commit()} (a synchronous store of all changes into the file: {@code store(true)}
 * waits for the chunk to be written) and, in {@link Durability#FSYNC} mode, by
 * {@link MVStore#sync()} (fsync). {@code commit()} does nothing when nothing changed, so reads cost
 * nothing extra. The background writer stays on for housekeeping (space reuse, compaction).
 *
 * <p>Its collections answer reads with copies of the stored documents ({@link SnapshotH2Database}): the stock ones
 * let a concurrent update change a document while its reply was being encoded, and the store dropped the connection.
 */
public final class DurableH2Backend extends H2Backend {

  /** How far an acknowledged write has gone when the reply is sent. */
  public enum Durability {
    /** Stock behaviour: background commit about every second (loses acknowledged writes on kill -9). */
    BACKGROUND,
    /** Commit to the file (OS page cache) before replying: survives kill -9 of the process. */
    COMMIT,
    /** Commit and fsync before replying: survives kill -9 and, as far as the disk honours fsync, power loss. */
    FSYNC
  }

  private final MVStore store;
  private final Durability durability;
  private final Object syncLock = new Object();
  private long syncedWriteCount = -1;

  public DurableH2Backend(MVStore store, Durability durability) {
    super(store);
    this.store = store;
    this.durability = durability;
  }

  /** Collections that answer reads with copies taken under their lock ({@link SnapshotH2Database}). */
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new SnapshotH2Database(databaseName, getMvStore(), getCursorRegistry());
  }

  public static MVStore openStore(String fileName) {
    return new MVStore.Builder().fileName(fileName).open();
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      makeDurable();
    }
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    try {
      return super.handleQuery(query);
    } finally {
      makeDurable();
    }
  }

  @Override
  public void dropDatabase(String database) {
    try {
      super.dropDatabase(database);
    } finally {
      makeDurable();
    }
  }

  private void makeDurable() {
    if (durability == Durability.BACKGROUND || store.isClosed()) {
      return;
    }
    // commit() takes the store lock: if another thread is storing right now we wait for it, so a
    // change it already picked up is on file before we reply. A no-op when nothing changed.
    store.commit();
    if (durability == Durability.FSYNC) {
      syncIfWritten();
    }
  }

  /**
   * fsync once per batch of file writes, not once per command: the file store counts a write after
   * it completed, so if the count we see was already synced by someone who read it before syncing,
   * our (completed, counted) write was covered by that fsync. Reads write nothing and never sync.
   */
  private void syncIfWritten() {
    synchronized (syncLock) {
      long written = store.getFileStore().getWriteCount();
      if (written != syncedWriteCount) {
        store.sync();
        syncedWriteCount = written;
      }
    }
  }
}
