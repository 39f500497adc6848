package org.fundflow.platform.test;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;

/**
 * mongo-java-server's memory backend, answering every query with copies of the stored documents.
 *
 * <p>The stock backend hands a query the stored document itself and applies an update to that
 * document in place; the reply is encoded on the network thread after the collection's lock is
 * released, so an update that adds or removes a field while a reply is being encoded throws
 * {@code ConcurrentModificationException}, the server drops the connection and the driver fails
 * every operation in flight on that connection pool. The copies are taken under the lock, also of the document
 * findAndModify answers (with returnNew the stored one: an outbox relay's claim).
 */
final class SnapshotMemoryBackend extends MemoryBackend {

  private final StoreOperations operations = new StoreOperations();

  /** What the clients asked of this store so far (benchmarks). */
  StoreOperations operations() {
    return operations;
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    operations.record(databaseName, command, query);
    return super.handleCommand(channel, databaseName, command, query);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new SnapshotDatabase(databaseName, getCursorRegistry());
  }

  private static final class SnapshotDatabase extends MemoryDatabase {

    SnapshotDatabase(String name, CursorRegistry cursors) {
      super(name, cursors);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
      return new SnapshotCollection(this, collectionName, options, cursorRegistry);
    }
  }

  private static final class SnapshotCollection extends MemoryCollection {

    /**
     * Above zero while findAndModify or a delete runs: they look the stored documents up through
     * handleQuery and change or remove exactly those instances, so they must get the originals.
     * Only touched under the collection's lock.
     */
    private int changingInPlace;

    SnapshotCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
      super(database, name, options, cursors);
    }

    @Override
    public synchronized QueryResult handleQuery(QueryParameters query) {
      QueryResult stored = super.handleQuery(query);
      if (changingInPlace > 0) {
        return stored;
      }
      return new QueryResult(copies(stored.collectDocuments()), stored.getCursorId());
    }

    /** The document it answers (returnNew: the stored one) is copied too: it is encoded after the lock. */
    @Override
    public synchronized Document findAndModify(Document query) {
      Document result;
      changingInPlace++;
      try {
        result = super.findAndModify(query);
      } finally {
        changingInPlace--;
      }
      if (result.get("value") instanceof Document value) {
        result.put("value", value.cloneDeeply());
      }
      return result;
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
      changingInPlace++;
      try {
        return super.deleteDocuments(selector, limit, oplog);
      } finally {
        changingInPlace--;
      }
    }

    /** The rest of a result beyond its first batch, read later by getMore. */
    @Override
    protected Cursor createCursor(List<Document> remaining) {
      return super.createCursor(copies(remaining));
    }

    private static List<Document> copies(List<Document> documents) {
      return documents.stream().map(Document::cloneDeeply).toList();
    }
  }
}
