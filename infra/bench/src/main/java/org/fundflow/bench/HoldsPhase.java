package org.fundflow.bench;

import static org.fundflow.bench.Figures.f1;
import static org.fundflow.bench.Figures.f2;
import static org.fundflow.bench.Figures.loadavg;
import static org.fundflow.bench.Report.say;
import static org.fundflow.bench.ServiceClient.INTAKE;
import static org.fundflow.bench.ServiceClient.OFFICER;
import static org.fundflow.bench.ServiceClient.SUBSIDY;
import static org.fundflow.bench.ServiceClient.applicant;
import static org.fundflow.bench.ServiceClient.awaitTrue;
import static org.fundflow.bench.ServiceClient.require;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.bench.ServiceClient.Response;

/**
 * (d) hold propagation, last because it puts every organisation on hold: per organisation a pending CREATED
 * disbursement; per hold a {@code hold-placed} event on {@code integrity.events} as integrity-check would send it,
 * then the time from the send to (1) project-intake refusing a submission with {@code integrity-hold} and (2)
 * post-subsidy showing the disbursement ON_HOLD.
 */
final class HoldsPhase {

  static final int HOLDS = 20;

  /** Issue 20 (d): hold placed -> submission refused and payment held. */
  static final int TARGET_P99_MS = 300;

  private final ServiceClient client;
  private final Report report;

  HoldsPhase(ServiceClient client, Report report) {
    this.client = client;
    this.report = report;
  }

  void run(SharedInfrastructure infra, String program, double kp50, double kp99) throws Exception {
    // a POST_SUBSIDY program and one verified claim (a pending CREATED disbursement) per organisation
    Map<String, Object> body = Requests.programBody("POST_SUBSIDY", "2026年度津南区企业研发投入后补助（基准测试）", 900_000_000_000L,
        100_000_000L, false);
    body.put("postSubsidyRule", Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
        "capPerOrganisationPerYearFen", 100_000_000L, "minimumIncreaseFen", 50_000_000L));
    String psProgram = client.openProgram(body);
    awaitTrue("post-subsidy knows the program", Duration.ofSeconds(60),
        () -> client.call("GET", SUBSIDY, "/programs/" + psProgram + "/budget", OFFICER, null).status() == 200);
    int holds = Math.min(HOLDS, Requests.ORGS.size());
    List<String> disbursements = new ArrayList<>();
    for (int i = 0; i < holds; i++) {
      String org = Requests.ORGS.get(i);
      Response claim = client.call("POST", SUBSIDY, "/claims", applicant(org), Map.of("programId", psProgram,
          "fiscalYear", 2025, "expenditureThisYearFen", 980_000_000L, "expenditureLastYearFen", 860_000_000L,
          "auditReportReference", "津审研字(2026)第B" + i + "号"));
      require(claim, 201);
      String claimId = claim.json().get("id").asString();
      require(client.call("POST", SUBSIDY, "/claims/" + claimId + "/verification", OFFICER, Map.of("outcome", "VERIFIED")), 200);
      disbursements.add("ps-" + claimId);
    }
    for (String id : disbursements) {
      awaitTrue("disbursement " + id + " CREATED", Duration.ofSeconds(60), () -> {
        Response r = client.call("GET", SUBSIDY, "/disbursements/" + id, OFFICER, null);
        return r.status() == 200 && r.json().get("status").asString().equals("CREATED");
      });
    }
    Latencies refused = new Latencies();
    Latencies onHold = new Latencies();
    int acceptedWhileHeld = 0;
    int missed = 0;
    say("(d) the services were idle after " + client.services().awaitQuiet(Duration.ofSeconds(30)) + " ms");
    double la = loadavg();
    ExecutorService ex = Executors.newFixedThreadPool(2);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(KafkaSupport.producerProperties(infra.kafkaBootstrapServers()))) {
      for (int i = 0; i < holds; i++) {
        String org = Requests.ORGS.get(i);
        String disbursement = disbursements.get(i);
        ConcurrentLinkedQueue<String[]> drafts = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < 2; k++) {
          Response d = client.call("POST", INTAKE, "/proposals", applicant(org),
              Requests.proposalBody(program, org, 10_000 + i * 10 + k));
          require(d, 201);
          drafts.add(new String[] {org, d.json().get("id").asString()});
        }
        String holdId = "hld-bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
        ProducerRecord<String, byte[]> record = holdPlaced(holdId, org, i);
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(20);
        producer.send(record).get(10, TimeUnit.SECONDS);
        AtomicInteger through = new AtomicInteger();
        Future<Double> intake = ex.submit(() -> {
          while (System.nanoTime() < deadline) {
            String[] draft = drafts.poll();
            if (draft == null) {
              Response d = client.call("POST", INTAKE, "/proposals", applicant(org), Requests.proposalBody(program, org, 20_000));
              draft = new String[] {org, d.json().get("id").asString()};
            }
            Response r = client.submit(org, draft[1], "submit-" + draft[1]);
            if (r.status() != 200 && r.body().contains("integrity-hold")) {
              return (System.nanoTime() - t0) / 1e6;
            }
            if (r.status() == 200) {
              through.incrementAndGet();
            } else {
              drafts.add(draft);
              Services.sleep(10);
            }
          }
          return -1.0;
        });
        Future<Double> subsidy = ex.submit(() -> {
          while (System.nanoTime() < deadline) {
            Response r = client.call("GET", SUBSIDY, "/disbursements/" + disbursement, OFFICER, null);
            if (r.status() == 200 && r.json().get("status").asString().equals("ON_HOLD")) {
              return (System.nanoTime() - t0) / 1e6;
            }
            Services.sleep(10);
          }
          return -1.0;
        });
        double a = intake.get();
        double b = subsidy.get();
        acceptedWhileHeld += through.get();
        if (a < 0 || b < 0) {
          missed++;
        }
        if (a >= 0) {
          refused.record(a);
        }
        if (b >= 0) {
          onHold.record(b);
        }
        say("(d) hold " + (i + 1) + ": intake refuses after " + f1(a) + " ms, post-subsidy ON_HOLD after " + f1(b)
            + " ms (" + through.get() + " submissions got through first)");
      }
    } finally {
      ex.shutdown();
    }
    double lb = loadavg();
    String load = f2(la) + " -> " + f2(lb);
    double rp99 = refused.percentile(99);
    double hp99 = onHold.percentile(99);
    report.charts().latency("(d) hold -> submission refused", refused.percentile(50), rp99);
    report.charts().latency("(d) hold -> disbursement ON_HOLD", onHold.percentile(50), hp99);
    report.row("(d) hold -> intake refuses submission p50 / p99 ms (" + refused.count() + " holds)",
        f1(refused.percentile(50)) + " / " + f1(rp99), "max " + f1(refused.max()),
        "kafka p99 " + f1(kp99) + " ms", f1(rp99 / kp99) + "x; target p99 <= " + TARGET_P99_MS + " ms: " + (rp99 <= TARGET_P99_MS ? "met" : "MISSED"), load);
    report.row("(d) hold -> post-subsidy disbursement ON_HOLD p50 / p99 ms (" + onHold.count() + " holds)",
        f1(onHold.percentile(50)) + " / " + f1(hp99), "max " + f1(onHold.max()),
        "kafka p99 " + f1(kp99) + " ms", f1(hp99 / kp99) + "x; target p99 <= " + TARGET_P99_MS + " ms: " + (hp99 <= TARGET_P99_MS ? "met" : "MISSED"), load);
    report.note("(d) hold-placed events published on integrity.events as integrity-check would; each measured from the send "
        + "to the first refused submission / first ON_HOLD read (pollers every ~10 ms plus the HTTP round trip). "
        + "Submissions intake accepted after the hold was sent: " + acceptedWhileHeld + "; holds not seen within 20 s: " + missed);
  }

  /** A {@code fundflow.integrity.hold-placed.v1} event on an organisation, CloudEvents binary mode. */
  private static ProducerRecord<String, byte[]> holdPlaced(String holdId, String org, int i) {
    Instant now = Instant.now();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("holdId", holdId);
    data.put("subject", Map.of("type", "ORGANISATION", "id", org));
    data.put("reason", "基准测试：严重失信主体名单命中，立即限制申报和拨款");
    data.put("flagId", "flg-bench-" + i);
    data.put("startsAt", now.toString());
    data.put("endsAt", "2029-12-31T16:00:00Z");
    data.put("placedBy", "rule:dishonesty-list@1");
    data.put("placedAt", now.toString());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>("integrity.events", holdId,
        ServiceClient.JSON.writeValueAsBytes(data));
    KafkaSupport.put(record, "ce_specversion", "1.0");
    KafkaSupport.put(record, "ce_id", UUID.randomUUID().toString());
    KafkaSupport.put(record, "ce_type", "fundflow.integrity.hold-placed.v1");
    KafkaSupport.put(record, "ce_source", "/fundflow/integrity-check");
    KafkaSupport.put(record, "ce_subject", holdId);
    KafkaSupport.put(record, "ce_time", now.toString());
    KafkaSupport.put(record, "content-type", "application/json");
    return record;
  }
}
