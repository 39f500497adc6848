package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.it.IntegrityKafka.Published;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The voucher fraud rules (创新券, issue 18 point 2) through the real broker and store: project-intake's voucher
 * events in, flag-raised out on integrity.events with the rule's name and version, once per finding even when an
 * event is delivered again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundflow.integrity.expenditure.cumulative-cap-fen=10000000"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class VoucherRulesIT {

  static final String PROPOSALS = "intake.proposal-events";
  static final String CONTRACTED = "fundflow.intake.voucher-contracted.v1";
  static final String REDEEMED = "fundflow.intake.voucher-redeemed.v1";
  static final String FLAG = "fundflow.integrity.flag-raised.v1";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Instant EXPIRES = Instant.parse("2026-08-29T16:00:00Z");

  static IntegrityKafka kafka;

  @BeforeAll
  static void kafka() {
    kafka = new IntegrityKafka();
  }

  @AfterAll
  static void close() {
    kafka.close();
  }

  @Test
  void oneContractDocumentForTwoVouchers_flagsTheSecondVouchersProviderAndEnterprise_once() {
    String provider = BadInputAndAccessMatrixIT.organisationCode();
    String first = BadInputAndAccessMatrixIT.organisationCode();
    String second = BadInputAndAccessMatrixIT.organisationCode();
    String sha = IntegrityServiceIT.hex();
    kafka.send(PROPOSALS, sha, CONTRACTED, contracted("vch-1-" + sha, "prg-v", first, provider, sha));
    String id = kafka.send(PROPOSALS, sha, CONTRACTED, contracted("vch-2-" + sha, "prg-v", second, provider, sha));
    kafka.send(PROPOSALS, sha, CONTRACTED, contracted("vch-2-" + sha, "prg-v", second, provider, sha), id);

    Published flag = awaitFlag(provider, "voucher-contract-reused");
    assertThat(flag.data().get("rule").get("version").asInt()).isEqualTo(1);
    assertThat(flag.data().get("severity").asString()).isEqualTo("HIGH");
    assertThat(flag.json()).contains("vch-1-" + sha).contains("vch-2-" + sha).contains(sha);
    awaitFlag(second, "voucher-contract-reused");
    // two more vouchers of another document, on the same key after the redelivery: once their flags are out, the
    // redelivered event was screened and raised nothing more
    String other = IntegrityServiceIT.hex();
    kafka.send(PROPOSALS, sha, CONTRACTED, contracted("vch-3-" + other, "prg-v", first, provider, other));
    kafka.send(PROPOSALS, sha, CONTRACTED, contracted("vch-4-" + other, "prg-v", second, provider, other));
    await().atMost(WAIT).until(() -> flags(provider, "voucher-contract-reused").size() == 2);
    assertThat(flags(first, "voucher-contract-reused")).as("the first voucher's enterprise did nothing wrong").isEmpty();
    assertThat(flags(second, "voucher-contract-reused")).hasSize(2);
  }

  @Test
  void aVoucherContractedWithTheEnterpriseItself_flagsItAsRelatedParties() {
    String enterprise = BadInputAndAccessMatrixIT.organisationCode();
    String voucher = "vch-self-" + IntegrityServiceIT.hex();
    kafka.send(PROPOSALS, voucher, CONTRACTED, contracted(voucher, "prg-v", enterprise, enterprise,
        IntegrityServiceIT.hex()));
    Published flag = awaitFlag(enterprise, "voucher-related-parties");
    assertThat(flag.json()).contains(voucher).contains("same organisation code");
  }

  /**
   * VOUCHER_RELATED_PARTIES v2: a provider and an enterprise with different organisation codes but the same legal
   * representative (equal keyed hashes on voucher-contracted) are flagged, both, once; different representatives, or
   * one side without any, are not.
   */
  @Test
  void aVoucherContractedWithAProviderOfTheSameLegalRepresentative_flagsProviderAndEnterprise_once() {
    String enterprise = BadInputAndAccessMatrixIT.organisationCode();
    String provider = BadInputAndAccessMatrixIT.organisationCode();
    String unrelated = BadInputAndAccessMatrixIT.organisationCode();
    String oneSided = BadInputAndAccessMatrixIT.organisationCode();
    String rep = IntegrityServiceIT.hex();
    String key = "vch-rep-" + IntegrityServiceIT.hex();
    // first the ones that must raise nothing, on the same key (in order before the flagged one)
    kafka.send(PROPOSALS, key, CONTRACTED, contracted(key + "-a", "prg-v", enterprise, unrelated,
        IntegrityServiceIT.hex(), rep, IntegrityServiceIT.hex()));
    kafka.send(PROPOSALS, key, CONTRACTED, contracted(key + "-b", "prg-v", enterprise, oneSided,
        IntegrityServiceIT.hex(), rep, null));
    String id = kafka.send(PROPOSALS, key, CONTRACTED, contracted(key + "-c", "prg-v", enterprise, provider,
        IntegrityServiceIT.hex(), rep, rep));
    kafka.send(PROPOSALS, key, CONTRACTED, contracted(key + "-c", "prg-v", enterprise, provider,
        IntegrityServiceIT.hex(), rep, rep), id);

    Published flag = awaitFlag(provider, "voucher-related-parties");
    assertThat(flag.data().get("rule").get("version").asInt()).isEqualTo(2);
    assertThat(flag.data().get("severity").asString()).isEqualTo("HIGH");
    assertThat(flag.data().get("evidence").get(0).get("values").get("relation").asString())
        .isEqualTo("same legal representative");
    assertThat(flag.json()).contains(key + "-c").contains(enterprise).doesNotContain(rep);
    Published enterpriseFlag = awaitFlag(enterprise, "voucher-related-parties");
    assertThat(enterpriseFlag.json()).contains(key + "-c").doesNotContain(rep);
    // a marker after the redelivery on the same key: once its flag is out, everything before it was screened
    String marker = BadInputAndAccessMatrixIT.organisationCode();
    kafka.send(PROPOSALS, key, CONTRACTED, contracted(key + "-m", "prg-v", marker, marker, IntegrityServiceIT.hex()));
    awaitFlag(marker, "voucher-related-parties");
    assertThat(flags(provider, "voucher-related-parties")).as("once, though delivered twice").hasSize(1);
    assertThat(flags(enterprise, "voucher-related-parties")).as("once, though delivered twice").hasSize(1);
    assertThat(flags(unrelated, "voucher-related-parties")).as("another legal representative").isEmpty();
    assertThat(flags(oneSided, "voucher-related-parties")).as("no legal representative registered").isEmpty();
  }

  @Test
  void aSettlementClaimedAtTheExpiry_isFlagged_oneClaimedBefore_isNot() {
    String provider = BadInputAndAccessMatrixIT.organisationCode();
    String program = "prg-exp-" + IntegrityServiceIT.hex();
    kafka.send(PROPOSALS, program, REDEEMED, redeemed("vch-ok-" + program, program, provider, "spv-a",
        EXPIRES.minusSeconds(1)));
    kafka.send(PROPOSALS, program, REDEEMED, redeemed("vch-late-" + program, program, provider, "spv-a", EXPIRES));
    Published flag = awaitFlag(provider, "voucher-claimed-after-expiry");
    assertThat(flag.json()).contains("vch-late-" + program).doesNotContain("vch-ok-" + program);
    assertThat(flags(provider, "voucher-claimed-after-expiry")).as("the claim before the expiry: no flag").hasSize(1);
    assertThat(flag.data().get("severity").asString()).isEqualTo("MEDIUM");
  }

  @Test
  void aProviderRedeemingThreeTimesItsPeersMedian_isFlaggedOnceForTheProgram() {
    String program = "prg-out-" + IntegrityServiceIT.hex();
    String busy = BadInputAndAccessMatrixIT.organisationCode();
    for (String peer : List.of("spv-p1", "spv-p2")) {
      String code = BadInputAndAccessMatrixIT.organisationCode();
      kafka.send(PROPOSALS, program, REDEEMED, redeemed(peer + "-" + program, program, code, peer, EXPIRES.minusSeconds(86_400)));
    }
    for (int i = 1; i <= 4; i++) {
      kafka.send(PROPOSALS, program, REDEEMED, redeemed("vch-" + i + "-" + program, program, busy, "spv-busy",
          EXPIRES.minusSeconds(86_400)));
    }
    // four redemptions are under the rule's minimum of five: the flag comes with the fifth (one key: in order)
    kafka.send(PROPOSALS, program, REDEEMED, redeemed("vch-5-" + program, program, busy, "spv-busy",
        EXPIRES.minusSeconds(86_400)));
    Published flag = awaitFlag(busy, "voucher-redemption-outlier");
    assertThat(flag.data().get("evidence").get(0).get("values").get("redemptions").asInt()).isEqualTo(5);
    assertThat(flag.json()).contains(program).contains("spv-busy");
    kafka.send(PROPOSALS, program, REDEEMED, redeemed("vch-6-" + program, program, busy, "spv-busy",
        EXPIRES.minusSeconds(86_400)));
    String marker = BadInputAndAccessMatrixIT.organisationCode();
    // a later event on the same key: once its flag is out, the sixth redemption was screened too
    kafka.send(PROPOSALS, program, CONTRACTED, contracted("vch-m-" + program, program, marker, marker,
        IntegrityServiceIT.hex()));
    awaitFlag(marker, "voucher-related-parties");
    assertThat(flags(busy, "voucher-redemption-outlier")).as("once per provider and program").hasSize(1);
  }

  static Published awaitFlag(String subject, String rule) {
    return await().atMost(WAIT).until(() -> flags(subject, rule), l -> !l.isEmpty()).get(0);
  }

  static List<Published> flags(String subject, String rule) {
    return kafka.find(IntegrityKafka.of(FLAG, subject)).stream()
        .filter(p -> p.data().get("rule").get("name").asString().equals(rule)).toList();
  }

  static String contracted(String voucherId, String programId, String enterprise, String provider, String sha) {
    return """
        {"voucherId":"%s","programId":"%s","organisationCode":"%s","providerId":"spv-%s",
         "providerOrganisationCode":"%s","providerName":"天津某检测有限公司","category":"TESTING",
         "contractAmountFen":8000000,"contractNumber":"HT-1",
         "contractDocument":{"documentId":"d1","name":"合同.pdf","mediaType":"application/pdf","sizeBytes":1000,"sha256":"%s"},
         "faceValueFen":5000000,"ratioBasisPoints":5000,"expiresAt":"2026-08-29T16:00:00Z","contractedAt":"2026-03-17T06:40:00Z"}
        """.formatted(voucherId, programId, enterprise, provider, provider, sha);
  }

  /** voucher-contracted with the legal representatives' keyed hashes (each left out when null). */
  static String contracted(String voucherId, String programId, String enterprise, String provider, String sha,
      String enterpriseRep, String providerRep) {
    String json = contracted(voucherId, programId, enterprise, provider, sha).strip();
    String added = (enterpriseRep == null ? "" : ",\"legalRepresentativeIdHash\":\"" + enterpriseRep + "\"")
        + (providerRep == null ? "" : ",\"providerLegalRepresentativeIdHash\":\"" + providerRep + "\"");
    return json.substring(0, json.length() - 1) + added + "}";
  }

  static String redeemed(String voucherId, String programId, String provider, String providerId, Instant claimedAt) {
    return """
        {"voucherId":"%s","programId":"%s","organisationCode":"91120112MNH91HTMX6","providerId":"%s",
         "providerOrganisationCode":"%s","providerName":"天津某检测有限公司","category":"TESTING",
         "contractAmountFen":8000000,"faceValueFen":5000000,"ratioBasisPoints":5000,"contractDocumentSha256":"%s",
         "issuedAt":"2026-03-02T02:15:00Z","expiresAt":"2026-08-29T16:00:00Z","contractedAt":"2026-03-17T06:40:00Z",
         "settlementClaimedAt":"%s","deliveryConfirmedAt":"2026-05-08T01:30:00Z"}
        """.formatted(voucherId, programId, providerId, provider, IntegrityServiceIT.hex().substring(0, 64), claimedAt);
  }
}
