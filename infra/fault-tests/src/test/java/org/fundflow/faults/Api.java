package org.fundflow.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients' HTTP access to the four services. Every answer is recorded in {@link Traffic}. {@link #call} retries
 * with a bounded back-off what a fault can cause - no connection, a timeout, a 5xx - so a client survives a
 * killed service, broker or store; whether the retried request is safe is the caller's business (keys, re-reads).
 * Where a service runs as several replicas the requests go to them in turn (as a load balancer would), and a retry
 * goes to the next one.
 */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

  record Response(int status, String body, Map<String, List<String>> headers, int attempts) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    boolean retried() {
      return attempts > 1;
    }
  }

  private final Map<String, List<String>> urls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
  private final Traffic traffic;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** @param urls per service, the base URL of each replica */
  Api(Map<String, List<String>> urls, Traffic traffic) {
    urls.forEach((service, replicas) -> this.urls.put(service, new CopyOnWriteArrayList<>(replicas)));
    this.traffic = traffic;
  }

  /** From now on requests to the service go to this replica too. */
  void addReplica(String service, String url) {
    urls.get(service).add(url);
  }

  Response call(String method, String service, String path, String token, Object body) {
    return call(method, service, path, token, body, Map.of());
  }

  /** Sends until there is an answer that is not a 5xx, backing off 0.2 s doubling to 3 s; fails after 10 minutes. */
  Response call(String method, String service, String path, String token, Object body, Map<String, String> headers) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    long backOff = 200;
    String last = "";
    for (int attempt = 1; ; attempt++) {
      try {
        Response r = once(method, service, path, token, body, headers, attempt);
        if (r.status() < 500) {
          return r;
        }
        last = r.status() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(method + " " + service + path + " still failing after " + GIVE_UP_AFTER + ": " + last);
      }
      pause(backOff);
      backOff = Math.min(3_000, backOff * 2);
    }
  }

  /** One attempt at the service's next replica, recorded; an exception when no answer came (refused, reset, timed out). */
  Response once(String method, String service, String path, String token, Object body, Map<String, String> headers,
      int attempt) throws IOException {
    int replica = Math.floorMod(turns.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(),
        urls.get(service).size());
    return onceAt(replica, method, service, path, token, body, headers, attempt);
  }

  /** One attempt at the given replica (0-based) of the service. */
  Response onceAt(int replica, String method, String service, String path, String token, Object body,
      Map<String, String> headers, int attempt) throws IOException {
    String payload = body == null ? (method.equals("GET") ? null : "{}")
        : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service).get(replica) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, application/problem+json")
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (payload != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String contentType = r.headers().firstValue("Content-Type").orElse("");
      traffic.record(new Traffic.Exchange(service, Traffic.replica(service, replica), method, path, r.statusCode(),
          System.currentTimeMillis(),
          r.headers().firstValue("Retry-After").isPresent(), contentType.startsWith("application/problem+json"),
          Traffic.evidence(r.statusCode(), contentType, r.body())));
      return new Response(r.statusCode(), r.body(), r.headers().map(), attempt);
    } catch (IOException e) {
      traffic.unanswered();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis); // back-off between attempts of a client, not a test waiting for a result
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
