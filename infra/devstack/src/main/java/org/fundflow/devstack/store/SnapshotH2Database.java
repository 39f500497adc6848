package org.fundflow.devstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections answer every read with copies of the stored documents, taken
 * under the collection's lock.
 *
 * <p>The stock H2 collection hands a query - and findAndModify its answer - the stored document itself and applies
 * an update to that very document in place; the reply is encoded on the network thread after the collection's lock
 * is released. So an update that adds or removes a field (the outbox relay's lease and its release, a claim of
 * another replica) while a reply is being encoded throws {@code ConcurrentModificationException} in the encoder,
 * the store closes that client's connection, and the client's driver pauses its connection pool: every operation in
 * flight there fails ({@code MongoConnectionPoolClearedException}). The platform's test store has the same cure
 * ({@code SnapshotMemoryBackend}, infra/platform-test).
 */
final class SnapshotH2Database extends H2Database {

  /** mongo-java-server's H2Database names the maps of a collection so (its constants are not public). */
  private static final String DATA_MAP_PREFIX = "databases.";
  private static final String META_MAP_PREFIX = "meta.";

  /**
   * The store while the superclass's constructor runs: it opens the existing collections from there, before a field
   * of this class is set.
   */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  private final MVStore store;

  SnapshotH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
    super(databaseName, opening(store), cursors);
    OPENING.remove();
    this.store = store;
  }

  private static MVStore opening(MVStore store) {
    OPENING.set(store);
    return store;
  }

  private MVStore store() {
    return store != null ? store : OPENING.get();
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
    String namespace = getFullCollectionNamespace(collectionName);
    MVStore store = store();
    MVMap<Object, Document> data = store.openMap(DATA_MAP_PREFIX + namespace);
    MVMap<String, Object> meta = store.openMap(META_MAP_PREFIX + namespace);
    return new SnapshotCollection(this, collectionName, options, data, meta, cursorRegistry);
  }

  /** The stock collection, reading copies. */
  private static final class SnapshotCollection extends H2Collection {

    /**
     * Above zero while findAndModify or a delete runs: they look the stored documents up through handleQuery and
     * change or remove exactly those instances, so they must get the originals. Only touched under the lock.
     */
    private int changingInPlace;

    SnapshotCollection(SnapshotH2Database database, String name, CollectionOptions options,
        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
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
