package org.fundflow.platform.documents;

import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tika.mime.MediaType;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files of a service's records in a GridFS bucket of the service's own database, through the reactive
 * driver's GridFS API. An upload streams: each incoming buffer is hashed (SHA-256), counted and handed on as
 * a chunk; only the first {@link ContentTypeDetector#HEAD_BYTES} are held back until the type is known. A
 * refused upload (type, size) fails before the file document is written and its chunks are removed, so it
 * leaves nothing; chunks that a crash leaves behind are removed by {@link #sweepOrphans}.
 *
 * <p>Metadata ({@code metadata.*} of the files document): ownerId, mediaType, sha256, uploadedBy,
 * uploadedAt. Files are never replaced: a new version is a new file.
 */
public class DocumentStore {

  private final Mono<MongoDatabase> database;
  private final DocumentProperties properties;
  private final ContentTypeDetector detector;
  private final Clock clock;
  private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

  public DocumentStore(Mono<MongoDatabase> database, DocumentProperties properties, Clock clock) {
    this.database = database;
    this.properties = properties;
    this.detector = new ContentTypeDetector(properties.allowedTypes());
    this.clock = clock;
  }

  public DocumentProperties properties() {
    return properties;
  }

  private Mono<GridFSBucket> bucket() {
    return database.map(db -> GridFSBuckets.create(db, properties.bucket()).withChunkSizeBytes(properties.chunkSizeBytes()));
  }

  /**
   * Stores {@code content} as a file of {@code ownerId}. Errors: 413 over the per-file or per-record limit,
   * 415 for a type not allowed, 400 for an empty file (see {@link DocumentRefusals}).
   */
  public Mono<StoredDocument> store(String ownerId, String name, String uploadedBy, Flux<DataBuffer> content) {
    String fileName = sanitize(name);
    return usedBytes(ownerId).flatMap(used -> {
      long perFile = properties.maxFileSize().toBytes();
      long perRecord = properties.maxRecordSize().toBytes();
      if (used >= perRecord) {
        return Mono.<StoredDocument>error(DocumentRefusals.recordFull(ownerId, used, perRecord));
      }
      long limit = Math.min(perFile, perRecord - used);
      boolean recordBound = limit < perFile;
      ObjectId id = new ObjectId();
      Instant at = clock.instant();
      MessageDigest sha = sha256();
      AtomicLong size = new AtomicLong();
      String[] detected = new String[1];
      String[] hash = new String[1];
      Document metadata = new Document("ownerId", ownerId).append("uploadedBy", uploadedBy)
          .append("uploadedAt", java.util.Date.from(at));
      // A refusal ends the upload normally and the stored part is deleted afterwards: erroring the driver's source
      // instead let a chunk insert still in flight land after the clean-up (a refused upload left chunks behind).
      AtomicReference<ErrorResponseException> refusal = new AtomicReference<>();
      Flux<ByteBuffer> chunks = checked(content, fileName, limit, recordBound, ownerId, used, sha, size, detected)
          .onErrorResume(ErrorResponseException.class, e -> {
            refusal.set(e);
            return Flux.empty();
          })
          .doOnComplete(() -> {
            // known only at the end; the driver writes the files document (with this metadata) after the last chunk
            hash[0] = HexFormat.of().formatHex(sha.digest());
            metadata.append("sha256", hash[0]).append("mediaType", detected[0]);
          });
      return bucket().flatMap(bucket -> {
        return Mono.from(bucket.uploadFromPublisher(new BsonObjectId(id), fileName, chunks,
                new GridFSUploadOptions().chunkSizeBytes(properties.chunkSizeBytes()).metadata(metadata)))
            .then(Mono.defer(() -> refusal.get() == null ? Mono.empty()
                : Mono.from(bucket.delete(new BsonObjectId(id))).then(Mono.error(refusal.get()))))
            .then(Mono.defer(() -> database.flatMap(db -> Mono.from(db.getCollection(properties.bucket() + ".files")
                    // a no-op where the driver wrote the completed metadata already; a safety net where it did not
                    .updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("metadata.sha256", false)),
                        new Document("$set", new Document("metadata.sha256", hash[0])
                            .append("metadata.mediaType", detected[0])))))
                .thenReturn(new StoredDocument(id.toHexString(), ownerId, fileName, detected[0], size.get(), hash[0],
                    uploadedBy, at))))
            .onErrorResume(e -> removeChunks(id).then(Mono.error(e)));
      });
    });
  }

  /** Checks type (on the head), size and emptiness while the content streams through; hashes it. */
  private Flux<ByteBuffer> checked(Flux<DataBuffer> content, String name, long limit, boolean recordBound,
      String ownerId, long used, MessageDigest sha, AtomicLong size, String[] detected) {
    return Flux.defer(() -> {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      List<ByteBuffer> held = new ArrayList<>();
      boolean[] typed = {false};
      Flux<ByteBuffer> body = content.concatMapIterable(buffer -> {
        byte[] bytes;
        try {
          bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
        } finally {
          DataBufferUtils.release(buffer);
        }
        long total = size.addAndGet(bytes.length);
        if (total > limit) {
          throw recordBound ? DocumentRefusals.recordFull(ownerId, used, properties.maxRecordSize().toBytes())
              : DocumentRefusals.fileTooLarge(limit);
        }
        sha.update(bytes);
        if (typed[0]) {
          return List.of(ByteBuffer.wrap(bytes));
        }
        head.write(bytes, 0, Math.min(bytes.length, ContentTypeDetector.HEAD_BYTES - head.size()));
        held.add(ByteBuffer.wrap(bytes));
        if (head.size() < ContentTypeDetector.HEAD_BYTES) {
          return List.of();
        }
        return release(head, held, name, typed, detected);
      });
      // a file shorter than the head: decide at its end
      Flux<ByteBuffer> tail = Flux.defer(() -> {
        if (size.get() == 0) {
          return Flux.error(DocumentRefusals.emptyFile());
        }
        return typed[0] ? Flux.empty() : Flux.fromIterable(release(head, held, name, typed, detected));
      });
      return body.concatWith(tail);
    });
  }

  private List<ByteBuffer> release(ByteArrayOutputStream head, List<ByteBuffer> held, String name, boolean[] typed,
      String[] detected) {
    MediaType type = detector.detect(head.toByteArray(), name);
    if (!detector.allowed(type)) {
      throw DocumentRefusals.typeNotAllowed(type.toString());
    }
    detected[0] = type.getBaseType().toString();
    typed[0] = true;
    List<ByteBuffer> out = List.copyOf(held);
    held.clear();
    return out;
  }

  private Mono<Void> removeChunks(ObjectId id) {
    return database.flatMap(db -> Mono.from(db.getCollection(properties.bucket() + ".chunks")
        .deleteMany(Filters.eq("files_id", id)))).then();
  }

  /** Bytes stored for {@code ownerId} so far. */
  public Mono<Long> usedBytes(String ownerId) {
    return list(ownerId).map(StoredDocument::sizeBytes).reduce(0L, Long::sum);
  }

  /** The owner's files, oldest first. */
  public Flux<StoredDocument> list(String ownerId) {
    return bucket().flatMapMany(b -> Flux.from(b.find(Filters.eq("metadata.ownerId", ownerId)).sort(Sorts.ascending("_id"))))
        .map(DocumentStore::toStored);
  }

  /** One file's metadata; empty when there is no such (complete) file. */
  public Mono<StoredDocument> find(String id) {
    if (!ObjectId.isValid(id)) {
      return Mono.empty();
    }
    return bucket().flatMap(b -> Mono.from(b.find(Filters.eq("_id", new ObjectId(id))).first()))
        .map(DocumentStore::toStored);
  }

  /**
   * The file {@code id} of {@code ownerId}, to read or remove after the caller's right to the owner was checked: a 404
   * problem ({@code File}) when there is no such file or it is another owner's.
   */
  public Mono<StoredDocument> fileOf(String ownerId, String id) {
    return find(id).filter(d -> ownerId.equals(d.ownerId()))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("File", id)));
  }

  /** The whole content, streamed chunk by chunk. */
  public Flux<DataBuffer> content(String id) {
    return bucket().flatMapMany(b -> Flux.from(b.downloadToPublisher(new ObjectId(id)).bufferSizeBytes(properties.chunkSizeBytes())))
        .map(buffers::wrap);
  }

  /**
   * Bytes {@code first..last} (inclusive) of a file, read from just the chunks that hold them (GridFS chunks
   * are numbered: {@code n = offset / chunkSize}).
   */
  public Flux<DataBuffer> content(String id, long first, long last) {
    ObjectId fileId = new ObjectId(id);
    return bucket().flatMapMany(b -> Mono.from(b.find(Filters.eq("_id", fileId)).first()).flatMapMany(file -> {
      int chunkSize = file.getChunkSize();
      int from = (int) (first / chunkSize);
      int to = (int) (last / chunkSize);
      return database.flatMapMany(db -> Flux.from(db.getCollection(properties.bucket() + ".chunks")
              .find(Filters.and(Filters.eq("files_id", fileId), Filters.gte("n", from), Filters.lte("n", to)))
              .sort(Sorts.ascending("n"))))
          .map(chunk -> {
            int n = chunk.getInteger("n");
            byte[] data = chunk.get("data", Binary.class).getData();
            long chunkStart = (long) n * chunkSize;
            int start = (int) Math.max(0, first - chunkStart);
            int end = (int) Math.min(data.length, last - chunkStart + 1);
            return buffers.wrap(ByteBuffer.wrap(data, start, end - start).slice());
          });
    }));
  }

  /** Removes a file and its chunks. */
  public Mono<Void> delete(String id) {
    return bucket().flatMap(b -> Mono.from(b.delete(new ObjectId(id)))).then();
  }

  /** Removes all files of an owner (e.g. a deleted draft). */
  public Mono<Long> deleteAll(String ownerId) {
    return list(ownerId).concatMap(d -> delete(d.id()).thenReturn(1L)).reduce(0L, Long::sum);
  }

  /**
   * Removes chunks that belong to no file (an upload cut off by a crash or a lost client) and files whose owner
   * is no longer referenced ({@code referenced} answers for an owner id), once older than the grace period
   * (by the ObjectId's time, so an upload in progress is never touched). Returns the number of files removed.
   */
  public Mono<Long> sweepOrphans(java.util.function.Function<Set<String>, Mono<Set<String>>> referenced) {
    ObjectId before = graceLimit();
    return database.flatMap(db -> {
      var files = db.getCollection(properties.bucket() + ".files");
      Mono<Long> ownerOrphans = Flux.from(files.find(Filters.lt("_id", before)))
          .map(d -> d.get("metadata", Document.class))
          .filter(m -> m != null && m.getString("ownerId") != null)
          .map(m -> m.getString("ownerId"))
          .collect(java.util.stream.Collectors.toSet())
          .flatMap(owners -> owners.isEmpty() ? Mono.just(Set.<String>of()) : referenced.apply(owners)
              .map(kept -> owners.stream().filter(o -> !kept.contains(o)).collect(java.util.stream.Collectors.toSet())))
          .flatMapMany(Flux::fromIterable)
          .concatMap(this::deleteAll)
          .reduce(0L, Long::sum);
      return chunkOrphans(db, before).zipWith(ownerOrphans, Long::sum);
    });
  }

  /**
   * Like {@link #sweepOrphans} but file by file, for files that wait for a record to reference them (e.g. evidence
   * uploaded before the report that names it): of the files older than the grace period, {@code kept} answers the
   * ids still referenced; the others are removed, as are chunks without a file. Returns the number removed.
   */
  public Mono<Long> sweepUnreferencedFiles(java.util.function.Function<List<StoredDocument>, Mono<Set<String>>> kept) {
    ObjectId before = graceLimit();
    return database.flatMap(db -> {
      Mono<Long> fileOrphans = bucket()
          .flatMapMany(b -> Flux.from(b.find(Filters.lt("_id", before))))
          .map(DocumentStore::toStored)
          .collectList()
          .flatMapMany(old -> old.isEmpty() ? Flux.empty() : kept.apply(old)
              .flatMapMany(keep -> Flux.fromIterable(old).filter(d -> !keep.contains(d.id()))))
          .concatMap(d -> delete(d.id()).thenReturn(1L))
          .reduce(0L, Long::sum);
      return chunkOrphans(db, before).zipWith(fileOrphans, Long::sum);
    });
  }

  private ObjectId graceLimit() {
    return new ObjectId(java.util.Date.from(clock.instant().minus(properties.orphanGrace())));
  }

  /** Chunks older than {@code before} whose files document is missing (an upload cut off by a crash or a lost client). */
  private Mono<Long> chunkOrphans(MongoDatabase db, ObjectId before) {
    var files = db.getCollection(properties.bucket() + ".files");
    var chunks = db.getCollection(properties.bucket() + ".chunks");
    return Flux.from(chunks.distinct("files_id", Filters.lt("files_id", before), ObjectId.class))
        .collectList()
        .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<ObjectId>of())
            : Flux.from(files.find(Filters.in("_id", ids)).projection(new Document("_id", 1)))
                .map(d -> d.getObjectId("_id")).collectList()
                .map(existing -> ids.stream().filter(i -> !existing.contains(i)).toList()))
        .flatMap(orphans -> orphans.isEmpty() ? Mono.just(0L)
            : Mono.from(chunks.deleteMany(Filters.in("files_id", orphans))).map(r -> (long) orphans.size()));
  }

  static StoredDocument toStored(GridFSFile f) {
    Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
    java.util.Date at = m.getDate("uploadedAt");
    return new StoredDocument(f.getObjectId().toHexString(), m.getString("ownerId"), f.getFilename(),
        m.getString("mediaType"), f.getLength(), m.getString("sha256"), m.getString("uploadedBy"),
        at == null ? f.getUploadDate().toInstant() : at.toInstant());
  }

  static String sanitize(String name) {
    String n = name == null ? "" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (n.isEmpty()) {
      return "file";
    }
    return n.length() > 255 ? n.substring(0, 255) : n;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
