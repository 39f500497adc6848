package org.fundflow.platform.outbox;

import static org.fundflow.platform.outbox.AggregateDocument.ID;
import static org.fundflow.platform.outbox.AggregateDocument.OUTBOX;
import static org.fundflow.platform.outbox.AggregateDocument.OUTBOX_LEASE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in the {@code outbox} arrays of the configured collections, then
 * removes exactly the published entries. A lease ({@code outboxLease}) on each document keeps two
 * relays (two replicas of a service) from publishing the same document at the same time, so the
 * events of one aggregate leave in the order they were stored. A crash between publish and
 * removal publishes the entries again after the lease expires: consumers are idempotent.
 *
 * <p>A local write nudges the relay with the document it wrote, and the relay publishes exactly that
 * document (one lookup by id). Scanning every configured collection for waiting documents is only the
 * fallback, every {@code pollInterval}: it covers writes of other replicas, leases that expired and
 * failed publications. (The scan cannot use an index on mongo-java-server, so it must not run per write.)
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final ReactiveMongoTemplate template;
  private final OutboxPublisher publisher;
  private final List<String> collections;
  private final String owner;
  private final Duration pollInterval;
  private final Duration lease;
  private final int batchSize;
  private final Clock clock;
  private final Counter published;
  private final Counter failures;
  /** Documents published at the same time (each one's events still leave in order: one lease per document). */
  private static final int CONCURRENT_DOCUMENTS = 8;

  private final Sinks.Many<Long> nudges = Sinks.many().multicast().directBestEffort();
  /** Documents written locally and not relayed yet: {collection, id}. */
  private final Queue<Written> written = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sweepRequested = new AtomicBoolean();
  private volatile Disposable loop;
  private volatile boolean autoStartup = true;

  public OutboxRelay(ReactiveMongoTemplate template, OutboxPublisher publisher, List<String> collections,
      String owner, Duration pollInterval, Duration lease, int batchSize, Clock clock, MeterRegistry meters) {
    this.template = template;
    this.publisher = publisher;
    this.collections = List.copyOf(collections);
    this.owner = owner;
    this.pollInterval = pollInterval;
    this.lease = lease;
    this.batchSize = batchSize;
    this.clock = clock;
    MeterRegistry registry = meters != null ? meters : new SimpleMeterRegistry();
    this.published = registry.counter("fundflow.outbox.published");
    this.failures = registry.counter("fundflow.outbox.failures");
  }

  private record Written(String collection, Object id) {}

  /** Asks the relay to look at every outbox now rather than at the next poll. */
  public void nudge() {
    sweepRequested.set(true);
    wake();
  }

  /** Asks the relay to publish the outbox of this document now (it was just written here). */
  public void nudge(String collection, Object id) {
    written.add(new Written(collection, id));
    wake();
  }

  private void wake() {
    synchronized (nudges) { // a sink refuses concurrent emissions
      nudges.tryEmitNext(0L);
    }
  }

  /** The sweep of every collection when one is due, then the nudged documents (each once). */
  private Mono<Integer> relayNudged() {
    Mono<Integer> sweep = sweepRequested.getAndSet(false) ? relayOnce() : Mono.just(0);
    return sweep.flatMap(swept -> {
      Set<Written> batch = new LinkedHashSet<>();
      for (Written w; (w = written.poll()) != null; ) {
        batch.add(w);
      }
      return Flux.fromIterable(batch)
          .flatMap(w -> relayIfWaiting(w.collection(), w.id()), CONCURRENT_DOCUMENTS)
          .reduce(swept, Integer::sum);
    });
  }

  /** Relays every document that is waiting now; returns how many events were published. */
  public Mono<Integer> relayOnce() {
    return Flux.fromIterable(collections)
        .concatMap(this::relayCollection)
        .reduce(0, Integer::sum);
  }

  private Mono<Integer> relayCollection(String collection) {
    Query waiting = new Query(waitingCriteria()).limit(batchSize);
    waiting.fields().include(ID);
    return template.find(waiting, Document.class, collection)
        .flatMap(doc -> relayDocument(collection, doc.get(ID)), CONCURRENT_DOCUMENTS)
        .reduce(0, Integer::sum);
  }

  /**
   * Reads the document by id alone first (the only lookup mongo-java-server answers from an index) and
   * claims it only when its outbox is waiting: the claim's compound filter is a collection scan there.
   */
  private Mono<Integer> relayIfWaiting(String collection, Object id) {
    Query byId = new Query(Criteria.where(ID).is(id));
    byId.fields().include(OUTBOX + ".id").include(OUTBOX_LEASE);
    return template.findOne(byId, Document.class, collection)
        .filter(this::waiting)
        .flatMap(doc -> relayDocument(collection, id))
        .defaultIfEmpty(0);
  }

  private boolean waiting(Document doc) {
    if (doc.getList(OUTBOX, Object.class, List.of()).isEmpty()) {
      return false;
    }
    Document lease = doc.get(OUTBOX_LEASE, Document.class);
    return lease == null || !(lease.get("until") instanceof Date until) || until.toInstant().isBefore(clock.instant());
  }

  private Criteria waitingCriteria() {
    Date now = Date.from(clock.instant());
    return new Criteria().andOperator(
        Criteria.where(OUTBOX).exists(true).ne(List.of()),
        new Criteria().orOperator(
            Criteria.where(OUTBOX_LEASE).is(null),
            Criteria.where(OUTBOX_LEASE + ".until").lt(now)));
  }

  private Mono<Integer> relayDocument(String collection, Object id) {
    Instant until = clock.instant().plus(lease);
    Query claim = new Query(new Criteria().andOperator(Criteria.where(ID).is(id), waitingCriteria()));
    Update take = new Update().set(OUTBOX_LEASE, new Document("owner", owner).append("until", Date.from(until)));
    return template.findAndModify(claim, take, FindAndModifyOptions.options().returnNew(true), Document.class, collection)
        .flatMap(doc -> publishAndRemove(collection, id, doc));
  }

  private Mono<Integer> publishAndRemove(String collection, Object id, Document doc) {
    List<OutboxEvent> events = new ArrayList<>();
    for (Document entry : doc.getList(OUTBOX, Document.class, List.of())) {
      events.add(OutboxEntryDocument.from(entry));
    }
    List<String> ids = events.stream().map(OutboxEvent::id).toList();
    return Mono.fromCallable(() -> {
          publisher.publish(events);
          return events.size();
        })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(count -> {
          Query mine = new Query(Criteria.where(ID).is(id).and(OUTBOX_LEASE + ".owner").is(owner));
          Update remove = new Update()
              .pull(OUTBOX, new Document("id", new Document("$in", ids)))
              .unset(OUTBOX_LEASE);
          return template.updateFirst(mine, remove, collection).thenReturn(count);
        })
        .doOnNext(published::increment)
        .onErrorResume(e -> {
          failures.increment();
          log.warn("outbox relay could not publish {} events of {} {}: {}", events.size(), collection, id, e.toString());
          // give the lease back so that the next poll retries soon
          Query mine = new Query(Criteria.where(ID).is(id).and(OUTBOX_LEASE + ".owner").is(owner));
          return template.updateFirst(mine, new Update().unset(OUTBOX_LEASE), collection)
              .onErrorResume(ignored -> Mono.empty())
              .thenReturn(0);
        });
  }

  @Override
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    // a tick only wakes the loop up: what it does is decided when it runs, so dropped ticks lose nothing
    Flux<Long> sweeps = Flux.interval(Duration.ZERO, pollInterval).doOnNext(tick -> sweepRequested.set(true));
    loop = Flux.merge(sweeps, nudges.asFlux())
        .onBackpressureDrop()
        .concatMap(tick -> relayNudged().onErrorResume(e -> {
          failures.increment();
          log.warn("outbox relay pass failed: {}", e.toString());
          return Mono.just(0);
        }), 1)
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
      loop = null;
    }
  }

  /** With {@code false} (fundflow.outbox.relay-enabled=false) the relay only runs when started or driven by hand. */
  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }
}
