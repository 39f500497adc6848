package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reward lifecycle (奖励类, issue 18 points 3 and 4) across the running services, through their HTTP APIs only:
 * the program manager opens a REWARD program with its reward table; an enterprise claims the reward for its national
 * high-tech enterprise recognition with the certificate and the pledge; the manager verifies it; post-subsidy creates
 * the payment from the event, a finance officer prepares it and another person releases it, exactly the table's
 * amount to the fen; a re-submission of the same achievement is refused, in the same and in another program, and
 * nothing more is paid.
 */
class RewardLifecycleIT {

  static final Duration ASYNC = Duration.ofSeconds(60);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String INTAKE = "project-intake";
  static final String SUBSIDY = "post-subsidy";

  /** A valid unified social credit code (GB 32100 check character computed) that no other scenario uses. */
  static final String ORG = "91120116QTF6N980A8";
  static final String PM = TestJwts.token("pm-liu-yang", List.of("PROGRAM_MANAGER"), null);
  static final String OFFICER = TestJwts.token("fin-officer-wang-fang", List.of("FINANCE_OFFICER"), null);
  static final String APPROVER = TestJwts.token("fin-approver-zhou-min", List.of("FINANCE_APPROVER"), null);
  static final String AUDITOR = TestJwts.token("auditor-qian-hua", List.of("AUDITOR"), null);
  static final String APPLICANT = TestJwts.token("applicant-" + ORG, List.of("APPLICANT"), ORG);

  static RunningSuite suite;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.get();
  }

  @Test
  void aRewardIsClaimedVerifiedAndPaidExactlyToTheFen_andAReSubmissionIsRefused() {
    String highTech = "NATIONAL_HIGH_TECH_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    long reward = 20_000_001L; // 200,000.01
    List<Map<String, Object>> table = List.of(
        Map.of("code", highTech, "name", "国家高新技术企业认定", "amountFen", reward),
        Map.of("code", "MUNICIPAL_KEY_LAB", "name", "市级重点实验室", "amountFen", 30_000_000L),
        Map.of("code", "GAZELLE", "name", "瞪羚企业", "amountFen", 50_000_000L));
    String program = openRewardProgram("2026年度津南区科技企业认定奖励", table);

    // the enterprise claims: draft, certificate, pledge
    JsonNode draft = expect(call("POST", INTAKE, "/reward-claims", APPLICANT,
        Map.of("programId", program, "achievementCode", highTech)), 201);
    String claimId = draft.get("id").asString();
    assertThat(draft.get("amountFen").asLong()).isEqualTo(reward);
    byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    JsonNode file = expect(upload("/reward-claims/" + claimId + "/files", APPLICANT, "高新技术企业证书.pdf", pdf), 201);
    assertThat(file.get("mediaType").asString()).isEqualTo("application/pdf");
    JsonNode submitted = expect(call("POST", INTAKE, "/reward-claims/" + claimId + "/submit", APPLICANT,
        Map.of("pledge", Map.of("accepted", true, "textVersion", "JN-KJ-CN-2026-01")), "application/json",
        Map.of("Idempotency-Key", "submit-" + claimId)), 200);
    assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");

    // the program manager verifies
    JsonNode verified = expect(call("POST", INTAKE, "/reward-claims/" + claimId + "/decision", PM,
        Map.of("outcome", "VERIFIED")), 200);
    assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");

    // post-subsidy pays it on the ordinary path: prepared, released by another person
    String disbursementId = "rw-" + ORG + "-" + highTech;
    JsonNode created = awaitDisbursement(disbursementId);
    assertThat(created.at("/trigger/kind").asString()).isEqualTo("REWARD");
    assertThat(created.get("amountFen").asLong()).isEqualTo(reward);
    Response prepared = call("POST", SUBSIDY, "/disbursements/" + disbursementId + "/preparation", OFFICER,
        Map.of("payeeName", "天津津南新材料科技有限公司", "bank", "天津银行津南支行", "accountNumber", "6222020302001234567"));
    expect(prepared, 200);
    Map<String, String> headers = Map.of("If-Match", prepared.etag(), "Idempotency-Key", "release-" + disbursementId);
    Response selfRelease = call("POST", SUBSIDY, "/disbursements/" + disbursementId + "/release",
        TestJwts.token("fin-officer-wang-fang", List.of("FINANCE_APPROVER"), null),
        Map.of("paymentReference", "津南财拨-RW-SELF"), "application/json",
        Map.of("If-Match", prepared.etag(), "Idempotency-Key", "self-" + disbursementId));
    assertThat(selfRelease.status()).as(selfRelease.body()).isEqualTo(403);
    JsonNode released = expect(call("POST", SUBSIDY, "/disbursements/" + disbursementId + "/release", APPROVER,
        Map.of("paymentReference", "津南财拨-RW-" + ORG), "application/json", headers), 200);
    assertThat(released.get("status").asString()).isEqualTo("RELEASED");
    assertThat(released.get("amountFen").asLong()).isEqualTo(reward);
    assertThat(expect(call("GET", SUBSIDY, "/programs/" + program + "/budget", AUDITOR, null), 200)
        .get("paidFen").asLong()).isEqualTo(reward);

    // a re-submission of the same achievement: refused, in this program and in another one
    Response again = call("POST", INTAKE, "/reward-claims", APPLICANT,
        Map.of("programId", program, "achievementCode", highTech));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/reward-claim-exists");
    String nextYear = openRewardProgram("2027年度津南区科技企业认定奖励",
        List.of(Map.of("code", highTech, "name", "国家高新技术企业认定", "amountFen", 25_000_000L)));
    Response elsewhere = call("POST", INTAKE, "/reward-claims", APPLICANT,
        Map.of("programId", nextYear, "achievementCode", highTech));
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);

    JsonNode paid = expect(call("GET", SUBSIDY, "/disbursements?organisationCode=" + ORG, AUDITOR, null), 200);
    assertThat(paid.get("count").asLong()).isEqualTo(1);
    assertThat(paid.get("totalFen").asLong()).isEqualTo(reward);
    System.out.printf("[lifecycle] reward: %s claimed %s, verified, released %s (%s); re-submission refused (409)%n",
        ORG, highTech, yuan(released.get("amountFen").asLong()), disbursementId);
  }

  String openRewardProgram(String name, List<Map<String, Object>> table) {
    Instant now = Instant.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 4));
    body.put("kind", "REWARD");
    body.put("budgetFen", 500_000_000L);
    body.put("perProjectCapFen", 50_000_000L);
    body.put("callWindow", Map.of("opensAt", now.minus(1, ChronoUnit.DAYS).toString(),
        "closesAt", now.plus(30, ChronoUnit.DAYS).toString()));
    body.put("rewardTable", Map.of("entries", table));
    String id = expect(call("POST", INTAKE, "/programs", PM, body), 201).get("id").asString();
    expect(call("POST", INTAKE, "/programs/" + id + "/open", PM, null), 200);
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200))
        .until(() -> call("GET", SUBSIDY, "/programs/" + id + "/budget", OFFICER, null).status() == 200);
    return id;
  }

  JsonNode awaitDisbursement(String id) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
      Response r = call("GET", SUBSIDY, "/disbursements/" + id, OFFICER, null);
      if (r.status() == 200) {
        seen.set(r.json());
        return true;
      }
      return false;
    });
    return seen.get();
  }

  // ================================================================== HTTP

  record Response(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    String etag() {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("ETag"))
          .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no ETag"));
    }
  }

  static JsonNode expect(Response response, int status) {
    assertThat(response.status()).as("HTTP status; body: %s", response.body()).isEqualTo(status);
    return response.json();
  }

  Response call(String method, String service, String path, String token, Object body) {
    return call(method, service, path, token, body, "application/json", Map.of());
  }

  Response call(String method, String service, String path, String token, Object body, String contentType,
      Map<String, String> headers) {
    String payload = body == null ? (method.equals("GET") ? null : "{}") : JSON.writeValueAsString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json")
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (payload != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** One multipart part {@code file} to project-intake. */
  Response upload(String path, String token, String filename, byte[] bytes) {
    String boundary = "fundflow-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.url(INTAKE) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
    return send(request);
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String yuan(long fen) {
    return String.format("%,d.%02d", fen / 100, fen % 100);
  }
}
