package org.fundflow.bench;

import static org.fundflow.bench.Figures.f0;
import static org.fundflow.bench.Figures.f1;
import static org.fundflow.bench.Figures.list;
import static org.fundflow.bench.Figures.loadavg;
import static org.fundflow.bench.Figures.loads;
import static org.fundflow.bench.Figures.median;
import static org.fundflow.bench.Figures.pct;
import static org.fundflow.bench.Report.say;
import static org.fundflow.bench.ServiceClient.INTAKE;
import static org.fundflow.bench.ServiceClient.applicant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.fundflow.platform.test.StoreOperations;

/**
 * (a) submissions: per run a pool of DRAFT proposals, then {@code POST /proposals/{id}/submit} by {@link Bench#CLIENTS}
 * closed-loop clients for 6 s (saturation), then paced at half the saturation rate; CPU per submission.
 */
final class SubmissionsPhase {

  /** One load run: submissions/s (200s only), latency p50/p99 ms, answers. */
  record Load(double rate, double p50, double p99, int ok, int errors, String firstError) {
    @Override
    public String toString() {
      return String.format("%.0f/s, p50 %.1f ms, p99 %.1f ms, ok %d, errors %d%s", rate, p50, p99, ok, errors,
          firstError == null ? "" : " (first: " + firstError + ")");
    }
  }

  private final ServiceClient client;
  private final Services services;
  private final Report report;
  private final int repeats;
  /** Null against containers. */
  private final StoreOperations store;

  SubmissionsPhase(ServiceClient client, Services services, Report report, int repeats, StoreOperations store) {
    this.client = client;
    this.services = services;
    this.report = report;
    this.repeats = repeats;
    this.store = store;
  }

  void run(String program, double rawInserts) throws Exception {
    double[] satRate = new double[repeats];
    double[] satP50 = new double[repeats];
    double[] satP99 = new double[repeats];
    double[] satLoad = new double[2 * repeats];
    int errors = 0;
    long[] cpu = new long[Services.NAMES.size() + 1];
    int submitted = 0;
    Map<String, Long> operations = new TreeMap<>();
    for (int i = 0; i < repeats; i++) {
      ConcurrentLinkedQueue<String[]> pool = drafts(program, 600, Duration.ofSeconds(30));
      Services.sleep(3000); // let the drafts' own events settle: the CPU counted below is the submissions'
      satLoad[2 * i] = loadavg();
      long[] before = cpuNow();
      Map<String, Long> operationsBefore = store == null ? Map.of() : store.snapshot();
      Load r = submit(pool, Bench.CLIENTS, 0, Duration.ofSeconds(6));
      Services.sleep(3000); // the consumers finish what the submissions caused
      long[] after = cpuNow();
      (store == null ? Map.<String, Long>of() : store.snapshot()).forEach((key, n) -> operations.merge(key, n - operationsBefore.getOrDefault(key, 0L), Long::sum));
      for (int k = 0; k < cpu.length; k++) {
        cpu[k] += after[k] - before[k];
      }
      submitted += r.ok;
      satLoad[2 * i + 1] = loadavg();
      satRate[i] = r.rate;
      satP50[i] = r.p50;
      satP99[i] = r.p99;
      errors += r.errors;
      say("(a) saturation run " + (i + 1) + ": " + r);
    }
    double sat = median(satRate);
    report.row("(a) submissions/s at saturation (" + Bench.CLIENTS + " clients)", f0(sat), "runs " + list(satRate),
        f0(rawInserts) + " inserts/s", pct(sat / rawInserts), loads(satLoad));
    if (submitted > 0 && store != null) { // counted by the embedded store only
      storeOperationRows(operations, submitted, sat, rawInserts);
    }
    report.charts().throughput("(a) submissions at saturation", sat);
    report.charts().latency("(a) submission, saturation", median(satP50), median(satP99));
    report.row("(a) submission p50 / p99 ms at saturation", f1(median(satP50)) + " / " + f1(median(satP99)),
        "p99 runs " + list(satP99), "", "", loads(satLoad));
    if (submitted > 0) {
      List<String> perService = new ArrayList<>();
      long total = 0;
      for (int k = 0; k < Services.NAMES.size(); k++) {
        perService.add(Services.NAMES.get(k) + " " + f1((double) cpu[k] / submitted));
        total += cpu[k];
      }
      report.row("(a) CPU ms per submission (saturation runs, +3 s for the consumers)", f1((double) total / submitted),
          String.join(", ", perService) + "; bench JVM (broker, store, clients) " + f1((double) cpu[cpu.length - 1] / submitted),
          "", "", "");
    }
    double half = sat / 2;
    double[] hRate = new double[repeats];
    double[] hP50 = new double[repeats];
    double[] hP99 = new double[repeats];
    double[] hLoad = new double[2 * repeats];
    for (int i = 0; i < repeats; i++) {
      ConcurrentLinkedQueue<String[]> pool = drafts(program, (int) Math.min(600, half * 6 + 20), Duration.ofSeconds(30));
      hLoad[2 * i] = loadavg();
      Load r = submit(pool, Bench.CLIENTS, half, Duration.ofSeconds(6));
      hLoad[2 * i + 1] = loadavg();
      hRate[i] = r.rate;
      hP50[i] = r.p50;
      hP99[i] = r.p99;
      errors += r.errors;
      say("(a) half-rate run " + (i + 1) + ": " + r);
    }
    report.row("(a) submissions/s offered at half (" + f0(half) + "/s)", f0(median(hRate)), "runs " + list(hRate),
        f0(rawInserts) + " inserts/s", pct(median(hRate) / rawInserts), loads(hLoad));
    report.charts().latency("(a) submission, half rate", median(hP50), median(hP99));
    report.row("(a) submission p50 / p99 ms at half rate", f1(median(hP50)) + " / " + f1(median(hP99)),
        "p99 runs " + list(hP99), "", "", loads(hLoad));
    if (errors > 0) {
      report.note("(a) non-200 submissions: " + errors);
    }
  }

  /**
   * (a) the store operations per submission, by kind and by service, and (b) the store-bound ceiling they imply:
   * the raw insert rate divided by the operations one submission costs (counting every kind as one insert).
   */
  private void storeOperationRows(Map<String, Long> operations, int submitted, double sat, double rawInserts) {
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> byDatabase = new TreeMap<>();
    long work = 0;
    for (Map.Entry<String, Long> e : operations.entrySet()) {
      String database = e.getKey().substring(0, e.getKey().indexOf(' '));
      String kind = e.getKey().substring(database.length() + 1);
      if (kind.equals(StoreOperations.OTHER) || e.getValue() == 0) {
        continue;
      }
      byKind.merge(kind, e.getValue(), Long::sum);
      byDatabase.merge(database.replace("fundflow_", ""), e.getValue(), Long::sum);
      work += e.getValue();
    }
    say("(a) store operations in the saturation runs, by database and kind, for " + submitted + " submissions: "
        + operations);
    double perSubmission = (double) work / submitted;
    List<String> kinds = new ArrayList<>();
    byKind.forEach((kind, n) -> kinds.add(kind + " " + f1((double) n / submitted)));
    List<String> databases = new ArrayList<>();
    byDatabase.forEach((db, n) -> databases.add(db + " " + f1((double) n / submitted)));
    report.row("(a) store operations per submission (saturation runs, +3 s; the relays' polls included)",
        f1(perSubmission), String.join(", ", kinds) + "; by database: " + String.join(", ", databases), "", "", "");
    double ceiling = rawInserts / perSubmission;
    report.charts().throughput("(b) store-bound ceiling of submissions", ceiling);
    report.row("(b) submissions/s against the store-bound ceiling (raw inserts/s / operations per submission)", f0(sat),
        "ceiling " + f0(ceiling) + "/s = " + f0(rawInserts) + " / " + f1(perSubmission), "",
        pct(sat / ceiling) + "; target >= 50%: " + (sat >= ceiling / 2 ? "met" : "MISSED"), "");
  }

  /** CPU ms so far of each service JVM (in Services.NAMES order), then of this JVM. */
  private long[] cpuNow() {
    long[] now = new long[Services.NAMES.size() + 1];
    for (int k = 0; k < Services.NAMES.size(); k++) {
      now[k] = services.cpuMillis(Services.NAMES.get(k));
    }
    now[now.length - 1] = org.fundflow.platform.test.ServiceProcess.cpuMillisOf(ProcessHandle.current().pid());
    return now;
  }

  /** Up to {@code count} DRAFT proposals spread over the organisations; each entry {org, proposalId}. */
  ConcurrentLinkedQueue<String[]> drafts(String program, int count, Duration atMost) throws Exception {
    ConcurrentLinkedQueue<String[]> pool = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + atMost.toNanos();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool8 = Executors.newFixedThreadPool(Bench.CLIENTS);
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < Bench.CLIENTS; t++) {
      fs.add(pool8.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
          String org = Requests.ORGS.get(i % Requests.ORGS.size());
          ServiceClient.Response r = client.call("POST", INTAKE, "/proposals", applicant(org),
              Requests.proposalBody(program, org, i));
          if (r.status() == 201) {
            pool.add(new String[] {org, r.json().get("id").asString()});
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool8.shutdown();
    say("drafts: " + pool.size() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return pool;
  }

  /** Submits drafts from the pool with {@code clients} threads, closed loop (rate 0) or paced at {@code rate}/s. */
  Load submit(ConcurrentLinkedQueue<String[]> pool, int clients, double rate, Duration atMost) throws Exception {
    Latencies latencies = new Latencies();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<String> firstError = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long deadline = start + atMost.toNanos();
    AtomicLong slot = new AtomicLong();
    long interval = rate > 0 ? (long) (1e9 / rate) : 0;
    ExecutorService ex = Executors.newFixedThreadPool(clients);
    List<Future<?>> fs = new ArrayList<>();
    AtomicLong end = new AtomicLong(start);
    for (int t = 0; t < clients; t++) {
      fs.add(ex.submit(() -> {
        while (System.nanoTime() < deadline) {
          long t0;
          if (interval > 0) {
            long due = start + slot.getAndIncrement() * interval;
            if (due >= deadline) {
              break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            t0 = due; // latency from the scheduled time: queueing behind a slow server counts
          } else {
            t0 = System.nanoTime();
          }
          String[] draft = pool.poll();
          if (draft == null) {
            break;
          }
          ServiceClient.Response r = client.submit(draft[0], draft[1], "submit-" + draft[1]);
          long t1 = System.nanoTime();
          end.accumulateAndGet(t1, Math::max);
          if (r.status() == 200) {
            ok.incrementAndGet();
            latencies.recordNanos(t0, t1);
          } else {
            if (errors.incrementAndGet() == 1) {
              firstError.add(r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    ex.shutdown();
    double seconds = (end.get() - start) / 1e9;
    seconds = Math.max(seconds, 1e-9); // from the first request to the last answer
    return new Load(ok.get() / seconds, latencies.percentile(50), latencies.percentile(99), ok.get(), errors.get(),
        firstError.isEmpty() ? null : firstError.get(0));
  }
}
