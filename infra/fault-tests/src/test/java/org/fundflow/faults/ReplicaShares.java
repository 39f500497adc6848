package org.fundflow.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fundflow.platform.test.ServiceProcess;

/**
 * How many events each replica consumed (the platform's {@code fundflow.events.applied} + {@code .skipped} counters)
 * and relayed from its outbox ({@code fundflow.outbox.published}), read from its {@code /actuator/prometheus}. A
 * counter starts at 0 in every JVM, so a replica's figures are read just before it is killed and added up.
 */
final class ReplicaShares {

  /** One replica's figures. */
  record Figures(long consumed, long relayed) {
    Figures plus(Figures other) {
      return new Figures(consumed + other.consumed, relayed + other.relayed);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Figures> banked = new LinkedHashMap<>();

  /** Keeps the replica's figures so far (it is about to be killed). */
  synchronized void bank(String replica, ServiceProcess process) {
    banked.merge(replica, read(process), Figures::plus);
  }

  /** Everything the replica did in all its lives: the banked figures plus what its running JVM says now. */
  synchronized Figures total(String replica, ServiceProcess process) {
    return banked.getOrDefault(replica, new Figures(0, 0)).plus(read(process));
  }

  Figures read(ServiceProcess process) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(process.url() + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(process.name() + " /actuator/prometheus answered " + r.statusCode());
      }
      String text = r.body();
      return new Figures(sum(text, "fundflow_events_applied_total") + sum(text, "fundflow_events_skipped_total"),
          sum(text, "fundflow_outbox_published_total"));
    } catch (IOException e) {
      throw new IllegalStateException(process.name() + " /actuator/prometheus: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long sum(String prometheusText, String metric) {
    long total = 0;
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
