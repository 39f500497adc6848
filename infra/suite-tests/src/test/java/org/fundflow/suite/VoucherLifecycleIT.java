package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 point 4: the innovation-voucher scenario across the running services (separate JVMs, real broker and
 * store): a VOUCHER program opened in project-intake, a service provider registered, approved and listed publicly, a
 * voucher issued to a small enterprise of the district, used on a service contract with its document, the provider's
 * settlement claim and the enterprise's delivery confirmation, then post-subsidy's VOUCHER disbursement to the
 * provider, exact to the fen, prepared and released by two finance users. The HTTP helpers are
 * {@link LifecycleIT}'s (used, not inherited: its scenarios do not run twice).
 */
class VoucherLifecycleIT {

  static final String PROVIDER_ORG = "92120116CDJLBNT814"; // 津南区某检验检测机构 (shared/testdata/org-codes.csv)
  static final LifecycleIT HTTP = new LifecycleIT();

  @BeforeAll
  static void startSuite() {
    LifecycleIT.suite = RunningSuite.get();
  }

  /** A fresh enterprise registered in 津南区 (120112), GB 32100 check character computed. */
  static String jinnanEnterprise() {
    return freshCode("120112");
  }

  /** A fresh organisation registered in the district, GB 32100 check character computed. */
  static String freshCode(String district) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    Random random = new Random();
    StringBuilder b = new StringBuilder("91").append(district);
    for (int i = 0; i < 9; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(b.charAt(i)) * weights[i];
    }
    return b.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }

  @Test
  void aVoucherIsIssuedUsedOnAContractDeliveredAndTheProviderIsPaidItsShareExactToTheFen() throws Exception {
    String enterprise = jinnanEnterprise();
    String enterpriseToken = TestJwts.token("cv-applicant-" + enterprise, List.of("APPLICANT"), enterprise);
    String providerToken = TestJwts.token("cv-provider-zhao", List.of("SERVICE_PROVIDER"), PROVIDER_ORG);

    // the bureau opens a VOUCHER program: 50,000.00 per voucher, two per enterprise and year, 35 % of a contract
    Map<String, Object> body = LifecycleIT.programBody("VOUCHER", "2026年度津南区科技创新券", 1_000_000_000L, 5_000_000L);
    body.put("voucherRule", Map.of("faceValueFen", 5_000_000L, "validityDays", 180,
        "annualCapPerEnterpriseFen", 10_000_000L,
        "eligibleCategories", List.of("TESTING", "RD_DESIGN", "TECHNOLOGY_TRANSFER", "IP_SERVICES"),
        "ratio", new java.math.BigDecimal("0.35"), "districtCodes", List.of("120112")));
    String program = HTTP.openProgram(body);

    // the provider registers; the program manager approves; it is listed publicly by category
    LifecycleIT.Response registered = HTTP.call("POST", LifecycleIT.INTAKE, "/service-providers", providerToken,
        Map.of("organisationCode", PROVIDER_ORG, "name", "天津津南检验检测认证有限公司",
            "categories", List.of("TESTING", "IP_SERVICES"), "contact", "检测业务部"));
    String providerId = "spv-" + PROVIDER_ORG;
    if (registered.status() == 201) {
      LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/service-providers/" + providerId + "/approve",
          LifecycleIT.PM, null), 200);
    } else {
      assertThat(registered.status()).as("registered by an earlier run: %s", registered.body()).isEqualTo(409);
    }
    assertThat(publicList("TESTING")).contains(providerId);

    // the enterprise applies with the pledge and its small-and-medium declaration
    JsonNode voucher = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers", enterpriseToken,
        Map.of("programId", program, "pledge", Map.of("accepted", true, "textVersion", "津南科技创新券承诺书2026版"),
            "smeDeclared", true), "application/json", Map.of("Idempotency-Key", "cv-" + enterprise)), 201);
    String voucherId = voucher.get("id").asString();
    assertThat(voucher.get("status").asString()).isEqualTo("ISSUED");

    // the contract document, then the contract: 87,654.32 for testing services
    String boundary = "cv" + UUID.randomUUID().toString().replace("-", "");
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.pdf\""
        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n检测服务合同 " + voucherId + "\n%%EOF\n\r\n--" + boundary + "--\r\n";
    JsonNode document = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId
        + "/documents", enterpriseToken, multipart, "multipart/form-data; boundary=" + boundary, Map.of()), 201);
    JsonNode contracted = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId
        + "/contract", enterpriseToken, Map.of("providerId", providerId, "category", "TESTING",
            "amountFen", 8_765_432L, "contractNumber", "JNJC-2026-0917",
            "documentId", document.get("documentId").asString())), 200);
    assertThat(contracted.get("status").asString()).isEqualTo("CONTRACTED");

    // after delivery: the provider claims, the enterprise confirms
    LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId + "/settlement-claim",
        providerToken, null), 200);
    assertThat(LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId
        + "/delivery-confirmation", enterpriseToken, null), 200).get("status").asString()).isEqualTo("REDEEMED");
    LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId + "/delivery-confirmation",
        enterpriseToken, null), 409);

    // post-subsidy pays the provider: 87,654.32 x 35 % = 30,679.012 -> 30,679.01 (down to the fen, under 50,000.00)
    String disbursementId = "vs-" + voucherId;
    JsonNode created = HTTP.awaitDisbursement(disbursementId, d -> true);
    assertThat(created.at("/trigger/kind").asString()).isEqualTo("VOUCHER");
    assertThat(created.get("organisationCode").asString()).as("paid to the provider").isEqualTo(PROVIDER_ORG);
    assertThat(created.get("amountFen").asLong()).isEqualTo(3_067_901L);
    assertThat(created.get("explanation").asString()).contains("voucher pays 30,679.01, enterprise pays 56,975.31");
    JsonNode released = HTTP.prepareAndRelease(disbursementId, "津南财拨-CV-" + enterprise);
    assertThat(released.get("amountFen").asLong()).isEqualTo(3_067_901L);
    System.out.printf("[lifecycle] voucher: %s contract %s, provider paid %s (%s)%n", voucherId,
        LifecycleIT.yuan(8_765_432L), LifecycleIT.yuan(released.get("amountFen").asLong()),
        created.get("explanation").asString());
  }

  /**
   * Issue 18 point 2 across the running services: a provider and an enterprise of different organisations name the
   * same legal representative (法定代表人) to project-intake; the voucher contract between them reaches integrity-check,
   * whose VOUCHER_RELATED_PARTIES v2 flags both organisations (HIGH) naming the relation; the ID number is in neither
   * integrity record (only project-intake saw it, and kept its keyed hash).
   */
  @Test
  void aProviderWithTheEnterprisesLegalRepresentative_isFlaggedAsARelatedPartyByIntegrityCheck() throws Exception {
    String legalRepresentative = "120101196310216525"; // shared/testdata/national-ids.csv
    String enterprise = jinnanEnterprise();
    String providerOrg = freshCode("120116");
    String enterpriseToken = TestJwts.token("cv-applicant-" + enterprise, List.of("APPLICANT"), enterprise);
    String providerToken = TestJwts.token("cv-provider-" + providerOrg, List.of("SERVICE_PROVIDER"), providerOrg);
    Map<String, Object> body = LifecycleIT.programBody("VOUCHER", "2026年度津南区科技创新券（关联方）", 1_000_000_000L,
        5_000_000L);
    body.put("voucherRule", Map.of("faceValueFen", 5_000_000L, "validityDays", 180,
        "annualCapPerEnterpriseFen", 10_000_000L, "eligibleCategories", List.of("TESTING"),
        "ratio", new java.math.BigDecimal("0.50"), "districtCodes", List.of("120112")));
    String program = HTTP.openProgram(body);

    String providerId = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/service-providers", providerToken,
        Map.of("organisationCode", providerOrg, "name", "天津某检测技术服务有限公司", "categories", List.of("TESTING"),
            "legalRepresentativeNationalId", legalRepresentative)), 201).get("id").asString();
    LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/service-providers/" + providerId + "/approve",
        LifecycleIT.PM, null), 200);
    String voucherId = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers", enterpriseToken,
        Map.of("programId", program, "pledge", Map.of("accepted", true, "textVersion", "津南科技创新券承诺书2026版"),
            "smeDeclared", true, "legalRepresentativeNationalId", legalRepresentative), "application/json",
        Map.of("Idempotency-Key", "cv-rp-" + enterprise)), 201).get("id").asString();
    String boundary = "cv" + UUID.randomUUID().toString().replace("-", "");
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.pdf\""
        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n检测服务合同 " + voucherId + "\n%%EOF\n\r\n--" + boundary + "--\r\n";
    JsonNode document = LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId
        + "/documents", enterpriseToken, multipart, "multipart/form-data; boundary=" + boundary, Map.of()), 201);
    LifecycleIT.expect(HTTP.call("POST", LifecycleIT.INTAKE, "/vouchers/" + voucherId + "/contract", enterpriseToken,
        Map.of("providerId", providerId, "category", "TESTING", "amountFen", 2_000_000L,
            "documentId", document.get("documentId").asString())), 200);

    for (String org : List.of(providerOrg, enterprise)) {
      java.util.concurrent.atomic.AtomicReference<JsonNode> flag = new java.util.concurrent.atomic.AtomicReference<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
        JsonNode record = LifecycleIT.expect(HTTP.call("GET", LifecycleIT.INTEGRITY,
            "/integrity-records/organisations/" + org, LifecycleIT.AUDITOR, null), 200);
        JsonNode found = null;
        for (JsonNode f : record.get("flags")) {
          if (f.at("/rule/name").asString().equals("voucher-related-parties")) {
            found = f;
          }
        }
        assertThat(found).as("voucher-related-parties flag of %s in %s", org, record).isNotNull();
        assertThat(record.toString()).doesNotContain(legalRepresentative);
        flag.set(found);
      });
      JsonNode f = flag.get();
      assertThat(f.at("/rule/version").asInt()).isEqualTo(2);
      assertThat(f.get("severity").asString()).isEqualTo("HIGH");
      assertThat(f.at("/evidence/0/values/relation").asString()).isEqualTo("same legal representative");
      assertThat(f.toString()).contains(voucherId).contains(enterprise).contains(providerOrg);
    }
    System.out.printf("[lifecycle] voucher %s: provider %s and enterprise %s share a legal representative: "
        + "voucher-related-parties v2 on both%n", voucherId, providerOrg, enterprise);
  }

  /** The public list, called without any token. */
  List<String> publicList(String category) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> ids = new java.util.ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(LifecycleIT.suite.url(LifecycleIT.INTAKE)
          + "/public/service-providers?limit=100&category=" + category)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        return false;
      }
      ids.clear();
      LifecycleIT.JSON.readTree(r.body()).get("items").forEach(i -> ids.add(i.get("id").asString()));
      return true;
    });
    return ids;
  }
}
