package org.fundflow.bench;

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
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.fundflow.platform.test.TestJwts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP/1.1 to the running services (JSON bodies, bearer tokens minted by platform-test's {@link TestJwts}). */
final class ServiceClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String INTAKE = "project-intake";
  static final String MILESTONE = "milestone-review";
  static final String SUBSIDY = "post-subsidy";
  static final String PM = TestJwts.token("pm-liu-yang", List.of("PROGRAM_MANAGER"), null);
  static final String OFFICER = TestJwts.token("fin-officer-wang-fang", List.of("FINANCE_OFFICER"), null);

  private final Services services;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

  ServiceClient(Services services) {
    this.services = services;
  }

  Services services() {
    return services;
  }

  /** Status and body of an answer; an I/O failure is status 599 with the exception as body. */
  record Response(int status, String body) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }
  }

  private static final Map<String, String> APPLICANTS = new ConcurrentHashMap<>();

  /** One token per organisation's applicant for the whole run, as a logged-in user sends the same token each time. */
  static String applicant(String org) {
    return APPLICANTS.computeIfAbsent(org, o -> TestJwts.token("applicant-" + o, List.of("APPLICANT"), o));
  }

  static void require(Response r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("expected HTTP " + status + ", got " + r.status() + ": " + r.body());
    }
  }

  static void awaitTrue(String what, Duration atMost, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.get()) {
        return;
      }
      Services.sleep(100);
    }
    throw new IllegalStateException("not within " + atMost + ": " + what);
  }

  Response call(String method, String service, String path, String token, Object body) {
    return call(method, service, path, token, body, Map.of());
  }

  Response call(String method, String service, String path, String token, Object body, Map<String, String> headers) {
    String payload = body == null ? (method.equals("GET") ? null : "{}") : JSON.writeValueAsString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.url(service) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json")
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (payload != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Response(599, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The current ETag of a proposal of project-intake, read as the program manager. */
  String etag(String proposalPath) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(services.url(INTAKE) + proposalPath))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + PM).GET().build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag: " + r.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates and opens a program in project-intake; its id. */
  String openProgram(Map<String, Object> body) {
    Response created = call("POST", INTAKE, "/programs", PM, body);
    // the first request after start-up loads many classes: on a loaded machine it can take longer than the 30 s
    // timeout; it is retried (twice at most) rather than aborting the run. Nothing is measured here.
    for (int retry = 0; retry < 2 && created.status() == 599; retry++) {
      Report.say("program creation timed out (" + created.body() + "), retrying");
      created = call("POST", INTAKE, "/programs", PM, body);
    }
    require(created, 201);
    String id = created.json().get("id").asString();
    require(call("POST", INTAKE, "/programs/" + id + "/open", PM, null), 200);
    return id;
  }

  /** Submits a DRAFT proposal with the pledge, under the Idempotency-Key {@code key}. */
  Response submit(String org, String proposalId, String key) {
    return call("POST", INTAKE, "/proposals/" + proposalId + "/submit", applicant(org), Requests.pledge(),
        Map.of("Idempotency-Key", key));
  }
}
