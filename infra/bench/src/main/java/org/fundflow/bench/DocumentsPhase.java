package org.fundflow.bench;

import static org.fundflow.bench.Figures.againstRssTarget;
import static org.fundflow.bench.Figures.f1;
import static org.fundflow.bench.Figures.f2;
import static org.fundflow.bench.Figures.loadavg;
import static org.fundflow.bench.Figures.pct;
import static org.fundflow.bench.Report.say;
import static org.fundflow.bench.ServiceClient.INTAKE;
import static org.fundflow.bench.ServiceClient.applicant;
import static org.fundflow.bench.ServiceClient.require;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fundflow.platform.test.SharedInfrastructure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * (f) documents (issue 15 point 6): {@value #FILES} files of {@value #FILE_MB} MB uploaded and downloaded by
 * {@value #CLIENTS} clients through project-intake's proposal files (the platform documents kit every service uses:
 * streamed into GridFS with the SHA-256 on the way, streamed out), in MB/s beside the raw store's GridFS write rate
 * (the reactive driver, the same number of uploads in flight), and each service's RSS after it against the 300 MB
 * target: 500 MB going through a service with a 128 MB heap is the proof that files are streamed, never held whole.
 * Every download is checked against the uploaded bytes' SHA-256.
 */
final class DocumentsPhase {

  static final int FILES = 100;
  static final int FILE_MB = 5;
  static final int CLIENTS = 10;

  private final Services services;
  private final Report report;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  DocumentsPhase(Services services, Report report) {
    this.services = services;
    this.report = report;
  }

  /** One file's content: a PDF head, then seeded random bytes (the same for a seed, so never kept by the bench). */
  static byte[] pdf(int seed) {
    byte[] bytes = new byte[FILE_MB * 1024 * 1024];
    new Random(seed).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  void run(SharedInfrastructure infra, ServiceClient client, String program) throws Exception {
    double raw = rawGridFsWrites(infra);
    // one draft per client: 10 files of 5 MB each, within the 100 MB per proposal
    List<String> drafts = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String org = Requests.ORGS.get(c % Requests.ORGS.size());
      ServiceClient.Response draft = client.call("POST", INTAKE, "/proposals", applicant(org),
          Requests.proposalBody(program, org, 900 + c));
      require(draft, 201);
      drafts.add(draft.json().get("id").asString() + " " + org);
    }
    List<String> hrefs = new java.util.concurrent.CopyOnWriteArrayList<>();
    double l0 = loadavg();
    double up = transfer("upload", i -> {
      String[] draft = drafts.get(i % CLIENTS).split(" ");
      byte[] bytes = pdf(i);
      HttpResponse<String> r = http.send(multipart("/proposals/" + draft[0] + "/files", applicant(draft[1]), bytes),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 || !r.body().contains(sha256(bytes))) {
        throw new IllegalStateException("upload " + i + ": " + r.statusCode() + " " + r.body());
      }
      hrefs.add(i + " " + draft[1] + " " + ServiceClient.JSON.readTree(r.body()).get("href").asString());
    });
    double l1 = loadavg();
    report.row("(f) documents: upload MB/s (" + FILES + " x " + FILE_MB + " MB, " + CLIENTS + " clients, project-intake)",
        f1(up), "sha-256 of every file checked", f1(raw) + " MB/s raw GridFS write", pct(up / raw), f2(l0) + " -> " + f2(l1));
    double down = transfer("download", i -> {
      String[] file = hrefs.get(i).split(" ");
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(services.url(INTAKE) + file[2]))
          .header("Authorization", "Bearer " + applicant(file[1])).timeout(Duration.ofMinutes(5)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200 || !sha256(r.body()).equals(sha256(pdf(Integer.parseInt(file[0]))))) {
        throw new IllegalStateException("download " + file[2] + ": " + r.statusCode());
      }
    });
    double l2 = loadavg();
    report.row("(f) documents: download MB/s (" + FILES + " x " + FILE_MB + " MB, " + CLIENTS + " clients)", f1(down),
        "bytes = uploaded (sha-256)", f1(raw) + " MB/s raw GridFS write", pct(down / raw), f2(l1) + " -> " + f2(l2));
    for (String s : Services.NAMES) {
      long[] rss = services.rssMb(s);
      report.row("(f) RSS MB after the documents: " + s, String.valueOf(rss[0]), "peak (VmHWM) " + rss[1],
          "300 MB target", againstRssTarget(rss), f2(loadavg()));
    }
  }

  interface Transfer {
    void file(int index) throws Exception;
  }

  /** {@link #FILES} transfers by {@link #CLIENTS} threads; MB/s over the whole. */
  double transfer(String what, Transfer transfer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          for (int i = (int) next.getAndIncrement(); i < FILES; i = (int) next.getAndIncrement()) {
            transfer.file(i);
          }
          return null;
        }));
      }
      for (Future<?> f : clients) {
        f.get(30, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    say("documents " + what + ": " + FILES + " files in " + f1(seconds) + " s");
    return FILES * (double) FILE_MB / seconds;
  }

  HttpRequest multipart(String path, String token, byte[] bytes) {
    String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(services.url(INTAKE) + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  /** The raw store: {@link #FILES} GridFS uploads of {@link #FILE_MB} MB through the reactive driver, {@link #CLIENTS} in flight. */
  double rawGridFsWrites(SharedInfrastructure infra) {
    try (MongoClient mongo = MongoClients.create(infra.mongoUri("bench_raw_files"))) {
      GridFSBucket bucket = GridFSBuckets.create(mongo.getDatabase("bench_raw_files"), "raw");
      int chunk = 255 * 1024;
      long start = System.nanoTime();
      Flux.range(0, FILES).flatMap(i -> {
        byte[] bytes = pdf(10_000 + i);
        Flux<ByteBuffer> content = Flux.range(0, (bytes.length + chunk - 1) / chunk)
            .map(n -> ByteBuffer.wrap(bytes, n * chunk, Math.min(chunk, bytes.length - n * chunk)));
        return Mono.from(bucket.uploadFromPublisher("raw-" + i + ".pdf", content,
            new GridFSUploadOptions().chunkSizeBytes(chunk)));
      }, CLIENTS).blockLast(Duration.ofMinutes(30));
      double mbs = FILES * (double) FILE_MB / ((System.nanoTime() - start) / 1e9);
      report.row("raw: GridFS write MB/s (reactive driver, " + CLIENTS + " uploads in flight, " + FILE_MB + " MB files)",
          f1(mbs), "", "", "", f2(loadavg()));
      Mono.from(mongo.getDatabase("bench_raw_files").drop()).block(Duration.ofMinutes(5));
      return mbs;
    }
  }
}
