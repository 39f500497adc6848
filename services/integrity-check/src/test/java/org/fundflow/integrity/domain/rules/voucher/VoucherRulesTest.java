package org.fundflow.integrity.domain.rules.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.junit.jupiter.api.Test;

class VoucherRulesTest {

  static final Instant NOW = Instant.parse("2026-05-08T02:00:00Z");
  static final Instant EXPIRES = Instant.parse("2026-08-29T16:00:00Z");
  static final String ENTERPRISE = "91120112MNH91HTMX6";
  static final String PROVIDER = "91120112DA1KCGYFXP";

  static VoucherFacts.Contract contract(String voucherId, String enterprise, String provider) {
    return new VoucherFacts.Contract("e-" + voucherId, "fundflow.intake.voucher-contracted.v1", voucherId, "prg-v",
        enterprise, "spv-" + provider, provider, "检测公司", 8_000_000, "ab".repeat(32), NOW);
  }

  static VoucherFacts.Redemption redemption(String providerId, Instant claimedAt) {
    return new VoucherFacts.Redemption("e-r", "fundflow.intake.voucher-redeemed.v1", "vch-9", "prg-v", ENTERPRISE,
        providerId, PROVIDER, "检测公司", EXPIRES, claimedAt);
  }

  static final String REP_A = "6b942104a73de8b01e026c51bc292e781e9c2e7f87ee4230085336dfd79b925d";
  static final String REP_B = "75ce1c3ce93970dd2799819ce8b93f22c1ffb84714dede3e944a40e8ae77dd3b";

  static VoucherFacts.Contract contract(String voucherId, String enterprise, String provider, String enterpriseRep,
      String providerRep) {
    return new VoucherFacts.Contract("e-" + voucherId, "fundflow.intake.voucher-contracted.v1", voucherId, "prg-v",
        enterprise, "spv-" + provider, provider, "检测公司", 8_000_000, "ab".repeat(32), NOW, enterpriseRep,
        providerRep);
  }

  @Test
  void relatedParties_sameOrganisationCode_isFlaggedHigh_onTheProviderOnly_withTheRelation() {
    List<Flag> flags = new RelatedPartiesRule().evaluate(contract("vch-1", ENTERPRISE, ENTERPRISE), NOW);
    Flag flag = flags.get(0);
    assertThat(flags).hasSize(1);
    assertThat(flag.subject()).isEqualTo(Subject.organisation(ENTERPRISE));
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
    assertThat(flag.rule().toString()).isEqualTo("VOUCHER_RELATED_PARTIES v2");
    assertThat(flag.evidence().get(0).values()).containsEntry("relation", "same organisation code")
        .containsEntry("relations", List.of(RelatedPartiesRule.SAME_ORGANISATION_CODE));
  }

  @Test
  void relatedParties_sameLegalRepresentative_flagsProviderAndEnterprise_withoutTheHashInTheEvidence() {
    List<Flag> flags = new RelatedPartiesRule().evaluate(contract("vch-2", ENTERPRISE, PROVIDER, REP_A, REP_A), NOW);
    assertThat(flags).extracting(Flag::subject)
        .containsExactly(Subject.organisation(PROVIDER), Subject.organisation(ENTERPRISE));
    assertThat(flags).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.rule().version()).isEqualTo(2);
      assertThat(f.evidence().get(0).values()).containsEntry("relation", "same legal representative")
          .containsEntry("relations", List.of(RelatedPartiesRule.SAME_LEGAL_REPRESENTATIVE))
          .containsEntry("enterpriseOrganisationCode", ENTERPRISE).containsEntry("providerOrganisationCode", PROVIDER);
      assertThat(f.evidence().get(0).description()).contains("legal representative").doesNotContain(REP_A);
      assertThat(f.evidence().get(0).values().toString()).doesNotContain(REP_A);
    });
    assertThat(flags.get(0).flagId()).isNotEqualTo(flags.get(1).flagId());
  }

  @Test
  void relatedParties_bothRelations_oneFlagNamingBoth() {
    List<Flag> flags = new RelatedPartiesRule().evaluate(contract("vch-3", ENTERPRISE, ENTERPRISE, REP_B, REP_B), NOW);
    assertThat(flags).singleElement().satisfies(f -> assertThat(f.evidence().get(0).values())
        .containsEntry("relation", "same organisation code and same legal representative")
        .containsEntry("relations", List.of(RelatedPartiesRule.SAME_ORGANISATION_CODE,
            RelatedPartiesRule.SAME_LEGAL_REPRESENTATIVE)));
  }

  @Test
  void relatedParties_neither_orALegalRepresentativeMissingOnOneSide_isNotFlagged() {
    RelatedPartiesRule rule = new RelatedPartiesRule();
    assertThat(rule.evaluate(contract("vch-4", ENTERPRISE, PROVIDER), NOW)).as("no representative given").isEmpty();
    assertThat(rule.evaluate(contract("vch-4", ENTERPRISE, PROVIDER, REP_A, REP_B), NOW)).as("different").isEmpty();
    assertThat(rule.evaluate(contract("vch-4", ENTERPRISE, PROVIDER, REP_A, null), NOW)).as("provider gave none")
        .isEmpty();
    assertThat(rule.evaluate(contract("vch-4", ENTERPRISE, PROVIDER, null, REP_A), NOW)).as("enterprise gave none")
        .isEmpty();
    assertThat(rule.evaluate(contract("vch-4", ENTERPRISE, PROVIDER, null, null), NOW)).as("both absent are not equal")
        .isEmpty();
  }

  @Test
  void relatedParties_v2KeepsTheFlagIdOfV1_soAReplayRaisesNoSecondFlag() {
    Flag flag = new RelatedPartiesRule().evaluate(contract("vch-5", ENTERPRISE, ENTERPRISE), NOW).get(0);
    assertThat(flag.flagId()).isEqualTo(org.fundflow.integrity.domain.Ids.derived("flag", "VOUCHER_RELATED_PARTIES v1",
        Subject.organisation(ENTERPRISE).key(), "vch-5"));
  }

  @Test
  void contractReused_onlyTheVouchersAfterTheFirstAreFlagged_providerAndEnterprise() {
    ContractReusedRule rule = new ContractReusedRule();
    ContractReusedRule.Use first = new ContractReusedRule.Use("vch-1", "A", PROVIDER);
    ContractReusedRule.Use second = new ContractReusedRule.Use("vch-2", ENTERPRISE, PROVIDER);
    assertThat(rule.evaluate(contract("vch-1", "A", PROVIDER), List.of(first), NOW)).isEmpty();
    assertThat(rule.evaluate(contract("vch-1", "A", PROVIDER), List.of(first, second), NOW))
        .as("the first user of a document, screened again after the second").isEmpty();
    List<Flag> flags = rule.evaluate(contract("vch-2", ENTERPRISE, PROVIDER), List.of(first, second), NOW);
    assertThat(flags).extracting(Flag::subject)
        .containsExactly(Subject.organisation(PROVIDER), Subject.organisation(ENTERPRISE));
    assertThat(flags.get(0).evidence().get(0).description()).contains("vch-1").contains("vch-2");
  }

  @Test
  void claimedAfterExpiry_theExpiryIsExclusive() {
    ClaimedAfterExpiryRule rule = new ClaimedAfterExpiryRule();
    assertThat(rule.evaluate(redemption("spv-a", EXPIRES.minusSeconds(1)), NOW)).isEmpty();
    assertThat(rule.evaluate(redemption("spv-a", EXPIRES), NOW)).isPresent();
    assertThat(rule.evaluate(redemption("spv-a", EXPIRES.plusSeconds(86_400)), NOW).orElseThrow().severity())
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void outlier_needsTheMinimum_enoughPeers_andTheFactorOverTheirMedian() {
    RedemptionOutlierRule rule = new RedemptionOutlierRule(RedemptionOutlierRule.Settings.defaults());
    VoucherFacts.Redemption busy = redemption("spv-busy", NOW);
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 4, "p1", 1, "p2", 1), NOW)).as("under 5").isEmpty();
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 9, "p1", 1), NOW)).as("one peer only").isEmpty();
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 6, "p1", 1, "p2", 2, "p3", 3), NOW)).as("6 = 3 x 2").isPresent();
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 5, "p1", 1, "p2", 2, "p3", 3), NOW)).as("5 < 3 x 2").isEmpty();
    // an even number of peers: the median of 1, 2, 3, 4 is 2.5, so 7 is not enough and 8 is
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 7, "p1", 1, "p2", 2, "p3", 3, "p4", 4), NOW)).isEmpty();
    Flag flag = rule.evaluate(busy, Map.of("spv-busy", 8, "p1", 1, "p2", 2, "p3", 3, "p4", 4), NOW).orElseThrow();
    assertThat(flag.evidence().get(0).values()).containsEntry("peerMedianRedemptions", "2.5")
        .containsEntry("redemptions", 8);
    assertThat(rule.evaluate(busy, Map.of("spv-busy", 8, "p1", 1, "p2", 2, "p3", 3, "p4", 4), NOW).orElseThrow()
        .flagId()).as("one flag id per provider and program").isEqualTo(flag.flagId());
    assertThatThrownBy(() -> new RedemptionOutlierRule.Settings(1, 3, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
