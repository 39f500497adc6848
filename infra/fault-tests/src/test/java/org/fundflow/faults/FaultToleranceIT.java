package org.fundflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.fundflow.faults.Agency.Lifecycle;
import org.fundflow.faults.FaultInjector.Probe;
import org.fundflow.platform.test.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 7 point 2: while {@code faults.lifecycles} (default 1,000) funding lifecycles run through the four services,
 * each service is killed (kill -9) and restarted once with its consumer group replayed from offset 0, the broker is
 * stopped and restarted, the store is stopped and restarted once gracefully and once with kill -9, and poison
 * records go into every consumed topic. Afterwards the stores and topics are audited; the figures are printed,
 * written to {@code target/fault-result.md} and asserted.
 *
 * <p>With {@code -Dfaults.scale-out=true} (issue 21) the same lifecycles run on a 3-broker KRaft cluster (replication
 * factor 3, min.insync.replicas 2, unclean leader election off, event topics with 6 partitions) and two replicas of
 * every service (same consumer groups, both relaying their outbox, requests spread over both); first the
 * throughput with one replica and then with two is measured, then one replica of each service and the broker
 * leading the busiest partitions are killed -9 and brought back. The same figures are asserted, plus each
 * replica's share of requests, consumed events and relayed events is printed.
 */
class FaultToleranceIT {

  static final int LIFECYCLES = Integer.getInteger("faults.lifecycles", 1_000);
  static final int CLIENTS = Integer.getInteger("faults.clients", 8);
  static final boolean SCALE_OUT = Boolean.getBoolean("faults.scale-out");
  static final int BROKERS = SCALE_OUT ? 3 : 1;
  static final int REPLICAS = SCALE_OUT ? 2 : 1;
  static final int EVENT_PARTITIONS = SCALE_OUT ? 6 : 3;
  /** lifecycles timed with one replica, then with two (scale-out only), after as many again to warm up */
  static final int MEASURED = Integer.getInteger("faults.measured-lifecycles", 40);
  static final Path HOME = Path.of("target", "faults-run");

  static Infrastructure infrastructure;
  /** per service, its replicas */
  static final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

  @Test
  void lifecyclesSurviveKilledServicesBrokerAndStoreRestartsPoisonAndReplays() throws Exception {
    long started = System.currentTimeMillis();
    FileSystemUtils.deleteRecursively(HOME);
    infrastructure = new Infrastructure(HOME, BROKERS);
    infrastructure.start();
    Topics topics = new Topics(infrastructure);
    if (SCALE_OUT) {
      topics.create(EVENT_PARTITIONS, BROKERS);
    }
    for (String name : ServiceProcess.SERVICES) {
      List<ServiceProcess> replicas = new ArrayList<>();
      for (int r = 0; r < REPLICAS; r++) {
        replicas.add(ServiceProcess.of(name, infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(),
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // a killed consumer leaves its group after 10 s instead of 45 s: the replay needs an empty group,
                // and the partitions of a killed service are not stuck for long
                "-Dspring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=10000",
                "-Dspring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=2000",
                "-Dspring.cloud.stream.kafka.binder.min-partition-count=" + EVENT_PARTITIONS),
            Map.of("FUNDFLOW_KAFKA_TOPIC_PARTITIONS", String.valueOf(EVENT_PARTITIONS)),
            HOME.resolve("logs").resolve(name + "-" + (r + 1))));
      }
      services.put(name, replicas);
    }
    // one replica of each first; the second ones join after the throughput with one is measured
    ServiceProcess.startAll(services.values().stream().map(r -> r.get(0)).toList(), Duration.ofMinutes(6));
    Map<String, List<String>> urls = new LinkedHashMap<>();
    services.forEach((n, r) -> urls.put(n, new ArrayList<>(List.of(r.get(0).url()))));

    Traffic traffic = new Traffic();
    Outages outages = new Outages();
    Api api = new Api(urls, traffic);
    int run = (int) (started / 1000 % 100_000);
    Agency agency = new Agency(api, run);

    List<String> programs = new ArrayList<>();
    int perProgram = (LIFECYCLES + CLIENTS - 1) / CLIENTS;
    for (int c = 0; c < CLIENTS; c++) {
      programs.add(agency.openProgram(c, (perProgram + 100) * 200_000_000L));
    }
    long setUpMillis = System.currentTimeMillis() - started;

    // the clients: each takes the next lifecycle number and drives it to the end; they go on past the last one
    // asked for until the last fault is injected, so that every fault hits lifecycles in flight even in a quick run
    AtomicInteger stopAt = new AtomicInteger(SCALE_OUT ? Integer.MAX_VALUE : LIFECYCLES);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean faultsDone = new java.util.concurrent.atomic.AtomicBoolean();
    ConcurrentLinkedQueue<Lifecycle> done = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String program = programs.get(c);
      running.add(clients.submit(() -> {
        while (true) {
          int i = next.get();
          if (i >= stopAt.get() && faultsDone.get()) {
            return;
          }
          if (!next.compareAndSet(i, i + 1)) {
            continue;
          }
          try {
            done.add(agency.run(i, program));
          } catch (RuntimeException | AssertionError e) {
            failures.add("lifecycle " + i + ": " + e.getMessage());
            System.out.println("[faults] lifecycle " + i + " failed: " + e);
          } finally {
            int n = finished.incrementAndGet();
            if (n % Math.max(10, LIFECYCLES / 20) == 0) {
              System.out.printf("[faults] %d lifecycles finished (%d asked for) after %.0f s%n", n, LIFECYCLES,
                  (System.currentTimeMillis() - started) / 1000.0);
            }
          }
        }
      }));
    }
    clients.shutdown();

    // scale-out: lifecycles per minute with one replica of each service, then with two
    Throughput one = null;
    Throughput two = null;
    int before = 0;
    if (SCALE_OUT) {
      one = Throughput.measure(finished, MEASURED, MEASURED);
      System.out.println("[faults] one replica of each service: " + one + "; starting the second replicas");
      for (String name : ServiceProcess.SERVICES) {
        int members = topics.members(name);
        ServiceProcess second = services.get(name).get(1);
        second.start();
        second.awaitReady(Duration.ofMinutes(6));
        topics.awaitMembers(name, m -> m > members);
      }
      services.forEach((n, r) -> api.addReplica(n, r.get(1).url()));
      System.out.println("[faults] second replicas ready and in their groups after " + finished.get() + " lifecycles");
      two = Throughput.measure(finished, MEASURED, MEASURED);
      System.out.println("[faults] two replicas of each service: " + two + "; the faults begin");
      before = finished.get();
      stopAt.set(next.get() + LIFECYCLES);
    }
    final int base = before;
    Map<String, long[]> sharesSeen = new LinkedHashMap<>();
    ReplicaShares shares = new ReplicaShares();
    Map<String, Probe> probes = Map.of(
        "project-intake", new Probe("/programs/" + programs.get(0), Agency.PM),
        "milestone-review", new Probe("/projects?limit=1", Agency.AUDITOR),
        "post-subsidy", new Probe("/programs/" + programs.get(0) + "/budget", Agency.AUDITOR),
        "integrity-check", new Probe("/integrity-records/organisations/" + Identities.organisation(run, 0), Agency.AUDITOR));
    FaultInjector injector = new FaultInjector(infrastructure, services, shares, topics, outages, api, probes);
    int steps = injector.plan().size();
    long faultsFrom = System.currentTimeMillis();
    try {
      injector.run(k -> (BooleanSupplier) () -> finished.get() >= base + (long) LIFECYCLES * k / (steps + 1),
          () -> next.get() - finished.get());
    } finally {
      faultsDone.set(true);
    }
    long faultsUntil = System.currentTimeMillis();
    boolean faultsWhileRunning = injector.inFlightAtFaults.size() == steps
        && injector.inFlightAtFaults.stream().allMatch(n -> n > 0);

    assertThat(clients.awaitTermination(3, TimeUnit.HOURS)).as("clients finished").isTrue();
    for (Future<?> f : running) {
      f.get();
    }
    long lifecyclesMillis = System.currentTimeMillis() - started - setUpMillis;

    // quiet: every outbox relayed, every group caught up, every interrupted reservation settled
    Set<String> programIds = new LinkedHashSet<>(programs);
    try (Audit audit = new Audit(infrastructure.mongoUri())) {
      try {
        await("outboxes drained, lag 0, reservations settled").atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(2)).until(() -> audit.outboxBacklog().isEmpty()
                && ServiceProcess.SERVICES.stream().allMatch(g -> topics.lag(g) == 0)
                && audit.openReservations(programIds) == 0);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.out.println("[faults] not quiet: outbox " + audit.outboxBacklog() + ", open reservations "
            + audit.openReservations(programIds));
      }
      Map<String, Long> backlog = audit.outboxBacklog();
      Map<String, Long> lag = new LinkedHashMap<>();
      ServiceProcess.SERVICES.forEach(g -> lag.put(g, topics.lag(g)));
      audit.check(programIds);
      if (Boolean.getBoolean("faults.dump")) {
        System.out.println(audit.sample());
      }

      Topics.Poison poison = injector.poison.get();
      Map<String, Topics.DeadLetters> deadLetters = new LinkedHashMap<>();
      ServiceProcess.SERVICES.forEach(g -> deadLetters.put(g, topics.deadLetters(g)));
      int nonPoisonDeadLetters = deadLetters.values().stream().mapToInt(d -> d.total() - d.poison()).sum();

      List<Traffic.Exchange> exchanges = traffic.exchanges();
      long serverErrors = exchanges.stream().filter(Traffic.Exchange::serverError).count();
      List<Traffic.Exchange> outside = exchanges.stream()
          .filter(x -> x.serverError() && !outages.covers(x)).toList();
      long unavailableWithRetryAfter = exchanges.stream()
          .filter(x -> x.status() == 503 && x.retryAfter() && x.problemJson()).count();
      long completed = done.stream().filter(Lifecycle::completed).count();
      long eventsLost = audit.lost.size() + backlog.values().stream().mapToLong(Long::longValue).sum()
          + nonPoisonDeadLetters;

      Result result = new Result();
      int lifecyclesRun = next.get();
      result.row("lifecycles run (asked for " + LIFECYCLES + "; more when the faults outlast them) / completed"
          + " (project COMPLETED, advance + balance released = award)", lifecyclesRun + " / " + completed,
          "completed = run");
      result.row("lifecycles failed in the driver", String.valueOf(failures.size()), "0");
      result.row("events lost (missing effects + outbox entries left + non-poison dead letters)",
          audit.lost.size() + " + " + backlog.values().stream().mapToLong(Long::longValue).sum() + " + " + nonPoisonDeadLetters,
          "0");
      result.row("duplicate applications", String.valueOf(audit.duplicates.size()), "0");
      result.row("payments doubled", String.valueOf(audit.doubledPayments.size()), "0");
      result.row("poison records injected (topics: " + (poison == null ? "-" : poison.perTopic()) + ")",
          poison == null ? "not injected" : String.valueOf(poison.records()), "");
      for (String g : ServiceProcess.SERVICES) {
        result.row("DLQ entries " + g + ".dlq (poison / other)", deadLetters.get(g).poison() + " / "
            + (deadLetters.get(g).total() - deadLetters.get(g).poison()),
            poison == null ? "?" : poison.expectedDeadLetters().get(g) + " / 0");
      }
      result.row("consumer lag at the end", lag.toString(), "0 each");
      result.row("HTTP answers / 5xx / 5xx outside outage windows", exchanges.size() + " / " + serverErrors + " / "
          + outside.size(), "- / - / 0");
      result.row("503 + Retry-After + problem JSON answers", String.valueOf(unavailableWithRetryAfter), "> 0");
      result.row("requests without an answer (refused, reset, timed out)", String.valueOf(traffic.unansweredCount()), "");
      for (FaultInjector.StoreOutageSample s : injector.samples) {
        result.row("sampled while the store was down (" + s.outage() + "): " + s.service(), s.seen(), "503 + Retry-After");
      }
      for (Outages.Window w : outages.all()) {
        long inside = exchanges.stream().filter(x -> x.serverError() && w.covers(x)).count();
        result.row("outage window: " + w.fault + " (5xx inside it)", String.format("%.1f s (%d)", w.millis() / 1000.0,
            inside), "");
      }
      if (SCALE_OUT) {
        topics.settings().forEach((t, v) -> result.row("topic " + t, v, EVENT_PARTITIONS + " x " + BROKERS + ", 2, false"));
        result.row("throughput, one replica of each service (lifecycles " + one.range() + ")", one.toString(), "");
        result.row("throughput, two replicas of each service (lifecycles " + two.range() + ")", two.toString(),
            "on 2 cores: the cost of coordination, not a speed-up");
        long twoFrom = two.fromMillis();
        sharesSeen.clear();
        Map<String, Long> requests = new java.util.TreeMap<>();
        exchanges.stream().filter(x -> x.atMillis() >= twoFrom)
            .forEach(x -> requests.merge(x.replica(), 1L, Long::sum));
        for (String name : ServiceProcess.SERVICES) {
          StringBuilder share = new StringBuilder();
          for (int r = 0; r < REPLICAS; r++) {
            String id = Traffic.replica(name, r);
            ReplicaShares.Figures f = shares.total(id, services.get(name).get(r));
            sharesSeen.put(id, new long[] {requests.getOrDefault(id, 0L), f.consumed()});
            share.append(r == 0 ? "" : "; ").append(id).append(": ").append(requests.getOrDefault(id, 0L))
                .append(" requests, ").append(f.consumed()).append(" events consumed, ").append(f.relayed())
                .append(" relayed");
          }
          result.row("share per replica (requests since both ran; events in every life of the replica): " + name,
              share.toString(), "each replica > 0");
        }
      }
      result.row("lifecycles in flight when each fault began", injector.inFlightAtFaults.toString(), "> 0 each");
      result.row("time: set-up / lifecycles / faults from-to (s after start)", String.format("%.0f s / %.0f s / %.0f-%.0f s",
          setUpMillis / 1000.0, lifecyclesMillis / 1000.0, (faultsFrom - started) / 1000.0,
          (faultsUntil - started) / 1000.0), "");
      String table = result.markdown(lifecyclesRun, CLIENTS, injector.journal, audit, failures, outside);
      System.out.println(table);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "fault-result.md"), table);

      assertThat(poison).as("poison injected").isNotNull();
      assertThat(faultsWhileRunning).as("all faults while lifecycles were in flight").isTrue();
      assertThat(failures).as("lifecycles failed in the driver").isEmpty();
      assertThat(lifecyclesRun).as("lifecycles run").isGreaterThanOrEqualTo(LIFECYCLES);
      assertThat(completed).as("lifecycles completed").isEqualTo(lifecyclesRun);
      assertThat(audit.lost).as("events lost (missing effects)").isEmpty();
      assertThat(backlog).as("outbox entries left").isEmpty();
      assertThat(nonPoisonDeadLetters).as("dead letters that are not poison").isZero();
      assertThat(audit.duplicates).as("duplicate applications").isEmpty();
      assertThat(audit.doubledPayments).as("payments doubled").isEmpty();
      for (String g : ServiceProcess.SERVICES) {
        assertThat(deadLetters.get(g).poison()).as("poison dead letters in %s.dlq", g)
            .isEqualTo(poison.expectedDeadLetters().get(g));
      }
      assertThat(lag.values()).as("consumer lag").allMatch(l -> l == 0);
      assertThat(outside).as("5xx outside the outage windows").isEmpty();
      assertThat(injector.samples).as("a 503 + Retry-After + problem JSON from every service in each store outage")
          .allMatch(FaultInjector.StoreOutageSample::unavailableWithRetryAfter);
      sharesSeen.forEach((replica, figures) -> {
        // the clients call every service but integrity-check (it only listens, and is read by the audit)
        if (!replica.startsWith("integrity-check")) {
          assertThat(figures[0]).as("requests answered by %s", replica).isPositive();
        }
        assertThat(figures[1]).as("events consumed by %s", replica).isPositive();
      });
    }
  }

  @AfterAll
  static void stopEverything() {
    ServiceProcess.stopAll(services.values().stream().flatMap(List::stream).toList());
    if (infrastructure != null) {
      infrastructure.stopAll();
    }
  }

  /** The result table. */
  static final class Result {
    private final List<String[]> rows = new ArrayList<>();

    void row(String what, String value, String expected) {
      rows.add(new String[] {what, value, expected});
    }

    String markdown(int lifecycles, int clients, List<String> journal, Audit audit, java.util.Collection<String> failures,
        List<Traffic.Exchange> outside) {
      StringBuilder out = new StringBuilder();
      out.append("# Fault test result\n\n").append(lifecycles).append(" lifecycles, ").append(clients)
          .append(" clients, outage grace ").append(Outages.GRACE.toSeconds()).append(" s, ").append(BROKERS)
          .append(BROKERS == 1 ? " broker, " : " brokers, ").append(REPLICAS)
          .append(REPLICAS == 1 ? " instance" : " replicas").append(" of each service\n\n");
      out.append("| figure | value | expected |\n|---|---|---|\n");
      for (String[] r : rows) {
        out.append("| ").append(r[0]).append(" | ").append(r[1].replace("|", "/")).append(" | ").append(r[2]).append(" |\n");
      }
      out.append("\n## Faults, in order\n\n");
      journal.forEach(j -> out.append("1. ").append(j).append('\n'));
      appendFirst(out, "Lost", audit.lost);
      appendFirst(out, "Duplicate applications", audit.duplicates);
      appendFirst(out, "Payments doubled", audit.doubledPayments);
      appendFirst(out, "Lifecycles failed", new ArrayList<>(failures));
      appendFirst(out, "5xx outside the outage windows", outside.stream()
          .map(x -> x.atMillis() + " (" + java.time.Instant.ofEpochMilli(x.atMillis()) + ") " + x.replica() + " "
              + x.method() + " " + x.path() + " " + x.status() + ": `" + x.evidence().replace("`", "'") + "`")
          .toList());
      return out.toString();
    }

    private static void appendFirst(StringBuilder out, String title, List<String> lines) {
      if (lines.isEmpty()) {
        return;
      }
      out.append("\n## ").append(title).append(" (").append(lines.size()).append(", first 20)\n\n");
      lines.stream().limit(20).forEach(l -> out.append("- ").append(l).append('\n'));
    }
  }
}
