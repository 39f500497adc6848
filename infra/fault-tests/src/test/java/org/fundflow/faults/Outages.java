package org.fundflow.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The windows in which a part was down on purpose: from the moment the fault is injected to the moment the
 * affected part is healthy again plus {@link #GRACE}. A 5xx inside a window is expected; outside one it is a bug.
 */
final class Outages {

  /**
   * After a part is healthy again the services need a moment to notice: the store guard's circuit breaker stays open
   * for 5 s and then probes in half-open state; a Kafka client reconnects with back-off up to 1 s; requests that
   * were already waiting on a dead connection time out (store guard 5 s). 15 s covers all of these.
   */
  static final Duration GRACE = Duration.ofSeconds(15);

  static final class Window {
    final String fault;
    /** what was down: service names (every replica) or replicas ({@code <service>#<n>}) */
    final Set<String> services;
    final long from;
    volatile long to = Long.MAX_VALUE;

    Window(String fault, Set<String> services, long from) {
      this.fault = fault;
      this.services = Set.copyOf(services);
      this.from = from;
    }

    boolean covers(Traffic.Exchange x) {
      return (services.contains(x.service()) || services.contains(x.replica())) && x.atMillis() >= from
          && x.atMillis() <= to;
    }

    long millis() {
      return to - from;
    }
  }

  private final List<Window> windows = new ArrayList<>();

  synchronized Window open(String fault, Set<String> services) {
    Window w = new Window(fault, services, System.currentTimeMillis());
    windows.add(w);
    return w;
  }

  /** The affected part answered healthy just now. */
  void healed(Window w) {
    w.to = System.currentTimeMillis() + GRACE.toMillis();
  }

  synchronized boolean covers(Traffic.Exchange x) {
    return windows.stream().anyMatch(w -> w.covers(x));
  }

  synchronized List<Window> all() {
    return List.copyOf(windows);
  }
}
