package org.fundflow.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Issue 16 point 5: from an event to the notification visible to its user. Each step submits one proposal of the
 * applicant's organisation through project-intake (its {@code proposal-submitted} event is in the outbox when the
 * call returns) and waits until every listener — a logged-in applicant session with the header's unread-count stream
 * ({@code /notifications/unread}, Server-Sent Events) open — has been sent the new count. The latency is from the
 * submit call's return to the count's arrival at each listener: outbox relay, Kafka, the portal's consumer, its inbox
 * write and the push, as a user would see it.
 */
final class NotificationLatency {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

  private final List<Map<Integer, Long>> seen = new ArrayList<>();

  /** Opens {@code listeners} streams for the applicant and reads them on their own threads. */
  NotificationLatency(String portal, int listeners) {
    for (int i = 0; i < listeners; i++) {
      Map<Integer, Long> counts = new ConcurrentHashMap<>();
      seen.add(counts);
      PortalSession session = PortalSession.login(portal, "applicant");
      Thread reader = new Thread(() -> session.events("/notifications/unread").forEach(line -> {
        if (line.startsWith("data:")) {
          counts.putIfAbsent(Integer.parseInt(line.substring(5).trim()), System.nanoTime());
        }
      }), "sse-listener-" + i);
      reader.setDaemon(true);
      reader.start();
    }
  }

  /**
   * Waits until the count has been still for a while (earlier notifications delivered), then makes {@code steps}
   * events one after the other and records, per listener, the microseconds until its stream showed the new count.
   */
  Histogram measure(int steps, Supplier<Runnable> nextEvent) throws InterruptedException {
    int count = settledCount();
    Histogram micros = new Histogram(3);
    for (int i = 0; i < steps; i++) {
      Runnable event = nextEvent.get();
      event.run();
      long made = System.nanoTime();
      int expected = ++count;
      long deadline = made + STEP_TIMEOUT.toNanos();
      for (Map<Integer, Long> counts : seen) {
        while (!counts.containsKey(expected)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("unread count " + expected + " not pushed within " + STEP_TIMEOUT
                + " (step " + (i + 1) + ")");
          }
          Thread.sleep(1);
        }
        micros.recordValue(Math.max(0, counts.get(expected) - made) / 1000);
      }
    }
    return micros;
  }

  private int settledCount() throws InterruptedException {
    int last = -1;
    long stillSince = System.nanoTime();
    while (System.nanoTime() - stillSince < Duration.ofSeconds(5).toNanos()) {
      int now = seen.stream().mapToInt(m -> m.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1))
          .min().orElse(-1);
      if (now != last) {
        last = now;
        stillSince = System.nanoTime();
      }
      Thread.sleep(100);
    }
    if (last < 0) {
      throw new IllegalStateException("no unread count pushed to the listeners");
    }
    return last;
  }
}
