package org.fundflow.faults;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every HTTP answer any client got during the run (service, status, when), and the calls that got no answer. */
final class Traffic {

  /** How much of a 5xx answer's body is kept as its evidence. */
  static final int EVIDENCE_CHARS = 2_000;

  /**
   * @param replica which instance answered: {@code <service>#<n>}, n from 1
   * @param evidence of a 5xx, the start of its body (the problem JSON that says why) on one line; null otherwise
   */
  record Exchange(String service, String replica, String method, String path, int status, long atMillis,
      boolean retryAfter, boolean problemJson, String evidence) {
    boolean serverError() {
      return status >= 500;
    }
  }

  /**
   * The evidence of an answer: for a 5xx its content type and body (the problem JSON that says why) on one line, at
   * most {@link #EVIDENCE_CHARS} characters of it; nothing for other answers.
   */
  static String evidence(int status, String contentType, String body) {
    if (status < 500) {
      return null;
    }
    String type = contentType == null || contentType.isBlank() ? "(no content type)" : contentType;
    if (body == null || body.isBlank()) {
      return type + " (no body)";
    }
    String line = body.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return type + " " + (line.length() <= EVIDENCE_CHARS ? line : line.substring(0, EVIDENCE_CHARS) + "...");
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
