package org.fundflow.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Everything a service has stored, to prove that a refused request changed nothing: every document of every
 * collection sorted by {@code _id}, taken once the outbox relay has drained every outbox (the relay's
 * {@code outboxLease} is left out: it is not state).
 */
public final class StoreSnapshot {

  private StoreSnapshot() {}

  public static Map<String, List<String>> of(ReactiveMongoTemplate template) {
    AtomicReference<Map<String, List<String>>> last = new AtomicReference<>();
    try {
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
          .until(() -> read(template, last));
    } catch (org.awaitility.core.ConditionTimeoutException stillPublishing) {
      // compare what is there: an outbox that never drains shows up as a difference
    }
    return last.get();
  }

  /** Reads the store into {@code into}; true when no outbox is waiting. */
  private static boolean read(ReactiveMongoTemplate template, AtomicReference<Map<String, List<String>>> into) {
    boolean pending = false;
    Map<String, List<String>> all = new TreeMap<>();
    for (String collection : new TreeSet<>(template.getCollectionNames().collectList().block())) {
      if (collection.startsWith("system.")) {
        continue;
      }
      List<String> docs = new ArrayList<>();
      for (Document d : template.find(new Query().with(Sort.by("_id")), Document.class, collection).collectList().block()) {
        pending |= d.get("outbox") instanceof List<?> l && !l.isEmpty();
        d.remove("outboxLease");
        docs.add(d.toJson());
      }
      all.put(collection, docs);
    }
    into.set(all);
    return !pending;
  }
}
