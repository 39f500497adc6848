package org.fundflow.faults;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every HTTP answer any client got during the run (service, status, when), and the calls that got no answer. */
final class Traffic {

  /** @param replica which instance answered: {@code <service>#<n>}, n from 1 */
  record Exchange(String service, String replica, String method, String path, int status, long atMillis,
      boolean retryAfter, boolean problemJson) {
    boolean serverError() {
      return status >= 500;
    }
  }

  private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final AtomicLong unanswered = new AtomicLong();

  static String replica(String service, int index) {
    return service + "#" + (index + 1);
  }

  void record(Exchange exchange) {
    exchanges.add(exchange);
  }

  void unanswered() {
    unanswered.incrementAndGet();
  }

  long unansweredCount() {
    return unanswered.get();
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }
}
