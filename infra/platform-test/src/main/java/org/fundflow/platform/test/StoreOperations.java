package org.fundflow.platform.test;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the services ask of the embedded store, counted per database and kind (benchmarks, issue 20 (a)/(b)): reads,
 * writes (of which those recording an applied event in the inbox), the outbox relays' claims, removals and releases.
 * One operation is one statement: an update command carrying three updates counts three.
 */
public final class StoreOperations {

  public static final String READ = "read";
  public static final String INSERT = "insert";
  public static final String WRITE = "write";
  /** A write that also records an applied event in the document's inbox (a consumer's state change). */
  public static final String INBOX_WRITE = "write recording an applied event";
  public static final String DELETE = "delete";
  public static final String RELAY_CLAIM = "relay claim";
  public static final String RELAY_REMOVAL = "relay removal";
  public static final String RELAY_RELEASE = "relay release";
  /** Handshakes, pings, index and session commands: not the work of a request. */
  public static final String OTHER = "other";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void record(String database, String command, Document body) {
    switch (command) {
      case "update" -> {
        for (Object statement : statements(body, "updates")) {
          add(database, updateKind(statement instanceof Document d ? d.get("u") : null));
        }
      }
      case "insert" -> add(database, INSERT, statements(body, "documents").size());
      case "delete" -> add(database, DELETE, statements(body, "deletes").size());
      default -> add(database, kind(command, body));
    }
  }

  /** Counts so far, by "database kind", sorted. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }

  static String kind(String command, Document body) {
    return switch (command) {
      case "find", "aggregate", "count", "distinct", "getMore" -> READ;
      case "findAndModify", "findandmodify" -> body.get("update") instanceof Document u
          && u.get("$set") instanceof Document set && set.containsKey("outboxLease") ? RELAY_CLAIM : WRITE;
      default -> OTHER;
    };
  }

  static String updateKind(Object update) {
    if (!(update instanceof Document u)) {
      return WRITE; // a pipeline update
    }
    if (u.get("$pull") instanceof Document pull && pull.containsKey("outbox")) {
      return RELAY_REMOVAL;
    }
    if (u.size() == 1 && u.get("$unset") instanceof Document unset && unset.keySet().equals(Set.of("outboxLease"))) {
      return RELAY_RELEASE;
    }
    if (u.get("$push") instanceof Document push && push.containsKey("inbox")) {
      return INBOX_WRITE;
    }
    return WRITE;
  }

  private static List<?> statements(Document body, String field) {
    return body.get(field) instanceof List<?> list ? list : List.of(body);
  }

  private void add(String database, String kind) {
    add(database, kind, 1);
  }

  private void add(String database, String kind, long n) {
    counts.computeIfAbsent(database + " " + kind, k -> new LongAdder()).add(n);
  }
}
