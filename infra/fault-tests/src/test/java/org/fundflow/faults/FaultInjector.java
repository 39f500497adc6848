package org.fundflow.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.fundflow.faults.Api.Response;
import org.fundflow.platform.test.ServiceProcess;

/**
 * The faults, one after the other, each when another share of the lifecycles has completed (so they are spread
 * over the run while lifecycles are in flight). One broker and one instance per service: kill -9 and restart of each
 * service (its consumer group replayed from offset 0 while it is down), a graceful broker restart, a graceful and a
 * kill -9 store restart. Scale-out (three brokers, two replicas per service, issue 21): kill -9 and restart of one
 * replica of each service (the group rebalances onto the other and back), kill -9 and restart of the broker that
 * leads the busiest partitions. Last, in both, the poison (after any replay, so no replay reads it twice).
 */
final class FaultInjector {

  static final Duration READY = Duration.ofMinutes(5);

  /** What the store outage sampling saw of one service: a 503 with Retry-After and a problem body, or not. */
  record StoreOutageSample(String outage, String service, boolean unavailableWithRetryAfter, String seen) {}

  private final Infrastructure infrastructure;
  /** per service, its replicas */
  private final Map<String, List<ServiceProcess>> services;
  private final ReplicaShares shares;
  private final Topics topics;
  private final Outages outages;
  private final Api api;
  private final Map<String, Probe> probes;

  /** A GET that reads the store, and who may send it. */
  record Probe(String path, String token) {}

  final List<String> journal = new ArrayList<>();
  final List<StoreOutageSample> samples = new ArrayList<>();
  final Map<String, Integer> replayedPartitions = new LinkedHashMap<>();
  final List<Integer> inFlightAtFaults = new ArrayList<>();
  final AtomicReference<Topics.Poison> poison = new AtomicReference<>();

  /** @param probes per service, a GET path that reads the store (to sample the 503 while the store is down) */
  FaultInjector(Infrastructure infrastructure, Map<String, List<ServiceProcess>> services, ReplicaShares shares,
      Topics topics, Outages outages, Api api, Map<String, Probe> probes) {
    this.infrastructure = infrastructure;
    this.services = services;
    this.shares = shares;
    this.topics = topics;
    this.outages = outages;
    this.api = api;
    this.probes = probes;
  }

  List<Runnable> plan() {
    if (services.values().iterator().next().size() > 1) {
      return List.of(
          () -> killReplica("project-intake", 0),
          () -> killReplica("milestone-review", 1),
          this::killBusiestLeader,
          () -> killReplica("post-subsidy", 0),
          () -> killReplica("integrity-check", 1),
          this::injectPoison);
    }
    return List.of(
        () -> killService("project-intake"),
        () -> killService("milestone-review"),
        this::restartBroker,
        () -> killService("post-subsidy"),
        () -> storeOutage("store graceful stop", false),
        () -> killService("integrity-check"),
        () -> storeOutage("store kill -9", true),
        this::injectPoison);
  }

  /** Runs the plan; step k waits until {@code due(k)} says so (enough lifecycles done, or the clients are done). */
  void run(java.util.function.IntFunction<BooleanSupplier> due, java.util.function.IntSupplier inFlight) {
    List<Runnable> plan = plan();
    for (int k = 0; k < plan.size(); k++) {
      await("fault " + (k + 1) + " due").atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(500))
          .until(due.apply(k + 1)::getAsBoolean);
      int flying = inFlight.getAsInt();
      inFlightAtFaults.add(flying);
      note("fault %d of %d with %d lifecycles in flight:", k + 1, plan.size(), flying);
      plan.get(k).run();
    }
  }

  private void killService(String name) {
    ServiceProcess service = services.get(name).get(0);
    shares.bank(Traffic.replica(name, 0), service);
    Outages.Window window = outages.open("kill -9 " + name, Set.of(name));
    long pid = service.pid();
    service.kill();
    topics.awaitGroupEmpty(name);
    replayedPartitions.put(name, topics.replayFromZero(name));
    service.start();
    service.awaitReady(READY);
    outages.healed(window);
    note("kill -9 %s (pid %d), group %s replayed from offset 0 on %d partitions, restarted, ready after %.1f s",
        name, pid, name, replayedPartitions.get(name), (System.currentTimeMillis() - window.from) / 1000.0);
  }

  /**
   * kill -9 of one replica while the other goes on: the group loses the killed replica's members (after the session
   * timeout) and the survivor takes over its partitions; restarted, the replica joins again and gets its share back.
   */
  private void killReplica(String name, int index) {
    ServiceProcess replica = services.get(name).get(index);
    String id = Traffic.replica(name, index);
    int members = topics.members(name);
    shares.bank(id, replica);
    Outages.Window window = outages.open("kill -9 " + id, Set.of(id));
    long pid = replica.pid();
    replica.kill();
    int alone = topics.awaitMembers(name, m -> m < members);
    long rebalanced = System.currentTimeMillis();
    replica.start();
    replica.awaitReady(READY);
    int back = topics.awaitMembers(name, m -> m >= members);
    outages.healed(window);
    note("kill -9 %s (pid %d): group %s went from %d to %d members after %.1f s (the other replica took the "
        + "partitions over), restarted, ready and back in the group (%d members) after %.1f s", id, pid, name, members,
        alone, (rebalanced - window.from) / 1000.0, back, (System.currentTimeMillis() - window.from) / 1000.0);
  }

  /** kill -9 of the broker leading the partitions that hold the most events, then its restart and catch-up. */
  private void killBusiestLeader() {
    Topics.Leadership before = topics.leadership();
    int node = before.busiest();
    Outages.Window window = outages.open("kill -9 broker " + node, services.keySet());
    infrastructure.killBroker(node);
    Topics.Leadership moved = topics.awaitLeadersMovedFrom(node);
    long movedAt = System.currentTimeMillis();
    infrastructure.startBroker(node);
    topics.awaitFullyReplicated();
    replicas().forEach(s -> s.awaitReady(READY));
    outages.healed(window);
    note("kill -9 broker %d, leader of %d of %d event partitions (%d of %d events); leaders moved to %s after %.1f s; "
        + "restarted and back in every in-sync replica set after %.1f s", node, before.ledBy(node), before.partitions(),
        before.eventsLedBy(node), before.totalEvents(), moved.perNode(), (movedAt - window.from) / 1000.0,
        (System.currentTimeMillis() - window.from) / 1000.0);
  }

  private List<ServiceProcess> replicas() {
    return services.values().stream().flatMap(List::stream).toList();
  }

  private void restartBroker() {
    Outages.Window window = outages.open("broker graceful restart", services.keySet());
    infrastructure.stopBroker(1);
    infrastructure.startBroker(1);
    replicas().forEach(s -> s.awaitReady(READY));
    outages.healed(window);
    note("broker stopped (SIGTERM) and restarted; all services ready again after %.1f s",
        (System.currentTimeMillis() - window.from) / 1000.0);
  }

  private void storeOutage(String label, boolean kill) {
    Map<ServiceProcess, Long> pids = new LinkedHashMap<>();
    replicas().forEach(s -> pids.put(s, s.pid()));
    Outages.Window window = outages.open(label, services.keySet());
    if (kill) {
      infrastructure.killStore();
    } else {
      infrastructure.stopStore();
    }
    services.forEach((name, replicas) -> {
      for (int i = 0; i < replicas.size(); i++) {
        samples.add(sample(label, name, i));
      }
    });
    infrastructure.startStore();
    replicas().forEach(s -> s.awaitReady(READY));
    outages.healed(window);
    pids.forEach((s, pid) -> {
      if (s.pid() != pid) {
        throw new AssertionError(s.name() + " was restarted during the store outage");
      }
    });
    note("%s; every service sampled while it was down; store restarted; all services ready again (same pids) after %.1f s",
        label, (System.currentTimeMillis() - window.from) / 1000.0);
  }

  /** Asks the service (single attempts) until it answers 503 + Retry-After + problem JSON, for at most a minute. */
  private StoreOutageSample sample(String label, String service, int replica) {
    String[] seen = {""};
    try {
      await(service + " answers 503 while the store is down").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
              Response r = api.onceAt(replica, "GET", service, probes.get(service).path(), probes.get(service).token(),
                  null, Map.of(), 1);
              seen[0] = r.status() + " Retry-After=" + r.header("Retry-After") + " " + r.header("Content-Type");
              return r.status() == 503 && r.header("Retry-After") != null
                  && String.valueOf(r.header("Content-Type")).startsWith("application/problem+json");
            } catch (java.io.IOException e) {
              seen[0] = e.toString();
              return false;
            }
          });
      return new StoreOutageSample(label, Traffic.replica(service, replica), true, seen[0]);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return new StoreOutageSample(label, Traffic.replica(service, replica), false, seen[0]);
    }
  }

  private void injectPoison() {
    Topics.Poison p = topics.injectPoison();
    poison.set(p);
    note("poison: %d records into %s; dead letters expected per group %s", p.records(), p.perTopic(),
        p.expectedDeadLetters());
  }

  private void note(String format, Object... args) {
    String line = String.format(format, args);
    synchronized (journal) {
      journal.add(line);
    }
    System.out.println("[faults] " + line);
  }
}
