package org.fundflow.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GridFS through the reactive driver on the embedded Mongo-wire server (mongo-java-server). */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
    "fundflow.documents.max-file-size=300KB", "fundflow.documents.max-record-size=500KB",
    "fundflow.documents.chunk-size-bytes=16384", "fundflow.documents.bucket=testdocs",
    "fundflow.outbox.relay-enabled=false"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class DocumentStoreIT {

  @Autowired
  DocumentStore store;
  @Autowired
  ReactiveMongoTemplate template;

  static byte[] pdfOf(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  /** The content as a stream of small buffers, as a multipart part arrives. */
  static Flux<DataBuffer> stream(byte[] bytes, int piece) {
    return Flux.range(0, (bytes.length + piece - 1) / piece).map(i -> DefaultDataBufferFactory.sharedInstance
        .wrap(java.util.Arrays.copyOfRange(bytes, i * piece, Math.min(bytes.length, (i + 1) * piece))));
  }

  static byte[] join(Flux<DataBuffer> content) {
    return DataBufferUtils.join(content).map(b -> {
      byte[] out = new byte[b.readableByteCount()];
      b.read(out);
      return out;
    }).block(Duration.ofSeconds(60));
  }

  static String sha(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  long chunksOf(String fileId) {
    MongoDatabase db = template.getMongoDatabase().block();
    return Mono.from(db.getCollection("testdocs.chunks").countDocuments(Filters.eq("files_id", new ObjectId(fileId))))
        .block();
  }

  long allChunks() {
    return Mono.from(template.getMongoDatabase().block().getCollection("testdocs.chunks").countDocuments()).block();
  }

  @Test
  void aFileStreamsInAndOutWithItsShaAndMetadata() throws Exception {
    byte[] bytes = pdfOf(200_000, 1);
    StoredDocument doc = store.store("rec-1", "申报书 v1.pdf", "alice", stream(bytes, 8192)).block(Duration.ofSeconds(60));
    assertThat(doc.sha256()).isEqualTo(sha(bytes));
    assertThat(doc.sizeBytes()).isEqualTo(bytes.length);
    assertThat(doc.mediaType()).isEqualTo("application/pdf");
    assertThat(join(store.content(doc.id()))).isEqualTo(bytes);

    StoredDocument found = store.find(doc.id()).block();
    assertThat(found).isEqualTo(doc.uploadedAt().equals(found.uploadedAt()) ? doc : found);
    assertThat(found.sha256()).isEqualTo(doc.sha256());
    assertThat(found.mediaType()).isEqualTo("application/pdf");
    assertThat(found.uploadedBy()).isEqualTo("alice");
    assertThat(found.name()).isEqualTo("申报书 v1.pdf");
    assertThat(store.list("rec-1").collectList().block()).extracting(StoredDocument::id).contains(doc.id());
  }

  @Test
  void aFileIsFoundOnlyAsAFileOfItsOwner_elseA404() {
    StoredDocument doc = store.store("rec-owner", "o.pdf", "alice", stream(pdfOf(1000, 9), 500))
        .block(Duration.ofSeconds(60));
    assertThat(store.fileOf("rec-owner", doc.id()).block()).extracting(StoredDocument::id).isEqualTo(doc.id());
    for (String[] ownerAndId : new String[][] {{"rec-other", doc.id()}, {"rec-owner", new ObjectId().toHexString()},
        {"rec-owner", "not-an-id"}}) {
      assertThatThrownBy(() -> store.fileOf(ownerAndId[0], ownerAndId[1]).block())
          .isInstanceOfSatisfying(ErrorResponseException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
  }

  @Test
  void aRangeReadsJustThoseBytesAcrossChunks() {
    byte[] bytes = pdfOf(100_000, 2);
    StoredDocument doc = store.store("rec-2", "a.pdf", "alice", stream(bytes, 5000)).block(Duration.ofSeconds(60));
    assertThat(join(store.content(doc.id(), 16_000, 40_000)))
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, 16_000, 40_001));
    assertThat(join(store.content(doc.id(), 99_990, 99_999)))
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_990, 100_000));
  }

  @Test
  void anOversizeFileIs413AndLeavesNoChunks() {
    long before = allChunks();
    assertThatThrownBy(() -> store.store("rec-3", "big.pdf", "alice", stream(pdfOf(400_000, 3), 8192))
        .block(Duration.ofSeconds(60)))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    assertThat(allChunks()).isEqualTo(before);
    assertThat(store.list("rec-3").collectList().block()).isEmpty();
  }

  @Test
  void theRecordLimitCountsWhatIsStored() {
    store.store("rec-4", "1.pdf", "alice", stream(pdfOf(280_000, 4), 8192)).block(Duration.ofSeconds(60));
    assertThatThrownBy(() -> store.store("rec-4", "2.pdf", "alice", stream(pdfOf(280_000, 5), 8192))
        .block(Duration.ofSeconds(60)))
        .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
          assertThat(e.getBody().getType().toString()).endsWith("record-files-too-large");
        });
    assertThat(store.list("rec-4").collectList().block()).hasSize(1);
  }

  @Test
  void aTypeNotAllowedIs415AndAnEmptyFile400() {
    byte[] exe = new byte[100_000];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertThatThrownBy(() -> store.store("rec-5", "x.pdf", "alice", stream(exe, 8192)).block(Duration.ofSeconds(60)))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    assertThatThrownBy(() -> store.store("rec-5", "x.pdf", "alice", Flux.empty()).block(Duration.ofSeconds(60)))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    assertThat(store.list("rec-5").collectList().block()).isEmpty();
  }

  @Test
  void theSweepRemovesOrphanChunksAndFilesOfRecordsGoneButNothingRecentOrReferenced() {
    MongoDatabase db = template.getMongoDatabase().block();
    // chunks of an upload cut off two hours ago (no files document), and of one in progress now
    ObjectId old = new ObjectId(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2))));
    ObjectId recent = new ObjectId();
    for (ObjectId id : new ObjectId[] {old, recent}) {
      Mono.from(db.getCollection("testdocs.chunks").insertOne(new Document("files_id", id).append("n", 0)
          .append("data", new Binary(new byte[10])))).block();
    }
    // a file of a record that is gone, stored two hours ago
    ObjectId gone = new ObjectId(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2))));
    Mono.from(db.getCollection("testdocs.files").insertOne(new Document("_id", gone).append("length", 10L)
        .append("chunkSize", 16384).append("uploadDate", new java.util.Date()).append("filename", "old.pdf")
        .append("metadata", new Document("ownerId", "rec-gone")))).block();
    Mono.from(db.getCollection("testdocs.chunks").insertOne(new Document("files_id", gone).append("n", 0)
        .append("data", new Binary(new byte[10])))).block();
    StoredDocument kept = store.store("rec-kept", "k.pdf", "alice", stream(pdfOf(1000, 6), 500)).block();

    Long removed = store.sweepOrphans(owners -> Mono.just(owners.contains("rec-kept") ? Set.of("rec-kept") : Set.of()))
        .block(Duration.ofSeconds(60));

    assertThat(removed).isGreaterThanOrEqualTo(2);
    assertThat(chunksOf(old.toHexString())).isZero();
    assertThat(chunksOf(gone.toHexString())).isZero();
    assertThat(chunksOf(recent.toHexString())).isEqualTo(1);
    assertThat(store.find(kept.id()).block()).isNotNull();
  }

  @Test
  void theFileSweepRemovesOldUnreferencedFilesButKeepsReferencedAndRecentOnes() {
    MongoDatabase db = template.getMongoDatabase().block();
    // two files of the same record stored two hours ago: one referenced, one not; and one stored just now
    ObjectId referenced = new ObjectId(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2))));
    ObjectId pending = new ObjectId(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2)).plusSeconds(1)));
    for (ObjectId id : new ObjectId[] {referenced, pending}) {
      Mono.from(db.getCollection("testdocs.files").insertOne(new Document("_id", id).append("length", 10L)
          .append("chunkSize", 16384).append("uploadDate", new java.util.Date()).append("filename", "e.pdf")
          .append("metadata", new Document("ownerId", "rec-files")))).block();
      Mono.from(db.getCollection("testdocs.chunks").insertOne(new Document("files_id", id).append("n", 0)
          .append("data", new Binary(new byte[10])))).block();
    }
    StoredDocument recent = store.store("rec-files", "r.pdf", "alice", stream(pdfOf(1000, 7), 500)).block();
    java.util.List<String> offered = new java.util.concurrent.CopyOnWriteArrayList<>();

    Long removed = store.sweepUnreferencedFiles(old -> {
      old.forEach(d -> offered.add(d.id()));
      return Mono.just(Set.of(referenced.toHexString()));
    }).block(Duration.ofSeconds(60));

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(offered).contains(referenced.toHexString(), pending.toHexString()).doesNotContain(recent.id());
    assertThat(store.find(pending.toHexString()).block()).isNull();
    assertThat(chunksOf(pending.toHexString())).isZero();
    assertThat(store.find(referenced.toHexString()).block()).isNotNull();
    assertThat(chunksOf(referenced.toHexString())).isEqualTo(1);
    assertThat(store.find(recent.id()).block()).isNotNull();
  }
}
