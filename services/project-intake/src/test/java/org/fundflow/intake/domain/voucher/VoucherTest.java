package org.fundflow.intake.domain.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.RewardTable;
import org.junit.jupiter.api.Test;

/** The voucher rules (issue 18 point 1), one test per rule of the README's rule -> test table. */
class VoucherTest {

  static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z"); // 12:00 in Shanghai
  static final String ENTERPRISE = "91120112MNH91HTMX6"; // registered in 120112 (津南区)
  static final String MUNICIPAL = "9112000089F2XW550E"; // registered in 120000
  static final String PROVIDER = "91120112DA1KCGYFXP";

  static VoucherRule rule() {
    return new VoucherRule(5_000_000, 180, 10_000_000, List.of(ServiceCategory.TESTING, ServiceCategory.RD_DESIGN),
        5000, List.of("120112"));
  }

  static Program program() {
    ProgramTerms terms = ProgramTerms.voucher("创新券 2026", 500_000_000, 5_000_000,
        new CallWindow(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS)), rule());
    return Program.draft("prg-cv", terms, NOW).open(NOW).next();
  }

  static Voucher issued() {
    return Voucher.issue(program(), ENTERPRISE, "Org", "alice", new Pledge("v1", NOW), true, List.of(), 0, "k", "h",
        NOW).next();
  }

  static ServiceProvider approved(String org, ServiceCategory... categories) {
    return ServiceProvider.register(org, "检测机构", List.of(categories), null, "bob", NOW).approve("pm", NOW).next();
  }

  static ContractDocument doc() {
    return new ContractDocument("d1", "c.pdf", "application/pdf", 10, "ab".repeat(32));
  }

  static String slug(Runnable r) {
    try {
      r.run();
    } catch (IntakeRefusal e) {
      return e.slug();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void givenEligibleEnterprise_whenApplied_thenIssuedWithExpiryAtTheEndOfTheLastValidDay() {
    var change = Voucher.issue(program(), ENTERPRISE, "Org", "alice", new Pledge("v1", NOW), true, List.of(), 1, "k",
        "h", NOW);
    Voucher v = change.next();
    assertThat(v.id()).isEqualTo("vch-prg-cv-" + ENTERPRISE + "-2026-2");
    assertThat(v.status()).isEqualTo(VoucherStatus.ISSUED);
    assertThat(v.lastValidDay()).isEqualTo(LocalDate.of(2026, 11, 28).plusDays(180));
    assertThat(v.expiresAt()).isEqualTo(Instant.parse("2027-05-27T16:00:00Z"));
    assertThat(change.events()).singleElement().isInstanceOf(IntakeEvent.VoucherIssued.class);
  }

  @Test
  void givenIneligibility_whenApplied_thenEachRuleRefuses() {
    Program p = program();
    Pledge pledge = new Pledge("v1", NOW);
    assertThat(slug(() -> Voucher.issue(p, MUNICIPAL, "O", "a", pledge, true, List.of(), 0, "k", "h", NOW)))
        .isEqualTo("not-registered-in-district");
    assertThat(slug(() -> Voucher.issue(p, ENTERPRISE, "O", "a", null, true, List.of(), 0, "k", "h", NOW)))
        .isEqualTo("pledge-required");
    assertThat(slug(() -> Voucher.issue(p, ENTERPRISE, "O", "a", pledge, false, List.of(), 0, "k", "h", NOW)))
        .isEqualTo("sme-declaration-required");
    assertThat(slug(() -> Voucher.issue(p, ENTERPRISE, "O", "a", pledge, true, List.of(), 2, "k", "h", NOW)))
        .isEqualTo("annual-cap-reached");
    assertThat(slug(() -> Voucher.issue(p, "91120112MNH91HTMX7", "O", "a", pledge, true, List.of(), 0, "k", "h",
        NOW))).isEqualTo("invalid-organisation-code");
    Hold hold = new Hold("h1", HoldSubject.ORGANISATION, ENTERPRISE, "list", NOW.minusSeconds(60), null, false);
    assertThat(slug(() -> Voucher.issue(p, ENTERPRISE, "O", "a", pledge, true, List.of(hold), 0, "k", "h", NOW)))
        .isEqualTo("integrity-hold");
    Hold lifted = new Hold("h2", HoldSubject.ORGANISATION, ENTERPRISE, "list", NOW.minusSeconds(60), null, true);
    assertThat(Voucher.issue(p, ENTERPRISE, "O", "a", pledge, true, List.of(lifted), 0, "k", "h", NOW).next())
        .isNotNull();
    assertThat(slug(() -> Voucher.issue(p, ENTERPRISE, "O", "a", pledge, true, List.of(), 0, "k", "h",
        NOW.plus(31, ChronoUnit.DAYS)))).isEqualTo("call-window-closed");
  }

  @Test
  void givenIssuedVoucher_whenUsedOnAContract_thenTheContractRulesApply() {
    Voucher v = issued();
    ServiceProvider testing = approved(PROVIDER, ServiceCategory.TESTING, ServiceCategory.IP_SERVICES);
    assertThat(slug(() -> v.contract(testing, ServiceCategory.IP_SERVICES, 100, null, doc(), "a", NOW)))
        .isEqualTo("category-not-eligible");
    assertThat(slug(() -> v.contract(approved(PROVIDER, ServiceCategory.RD_DESIGN), ServiceCategory.TESTING, 100,
        null, doc(), "a", NOW))).isEqualTo("category-not-offered");
    ServiceProvider pending = ServiceProvider.register(PROVIDER, "x", List.of(ServiceCategory.TESTING), null, "b", NOW);
    assertThat(slug(() -> v.contract(pending, ServiceCategory.TESTING, 100, null, doc(), "a", NOW)))
        .isEqualTo("provider-not-approved");
    assertThat(slug(() -> v.contract(approved(ENTERPRISE, ServiceCategory.TESTING), ServiceCategory.TESTING, 100,
        null, doc(), "a", NOW))).isEqualTo("own-provider");
    assertThat(slug(() -> v.contract(testing, ServiceCategory.TESTING, 0, null, doc(), "a", NOW)))
        .isEqualTo("invalid-contract");
    assertThat(slug(() -> v.contract(testing, ServiceCategory.TESTING, 100, null, null, "a", NOW)))
        .isEqualTo("contract-document-required");
    Voucher contracted = v.contract(testing, ServiceCategory.TESTING, 8_000_000, "C-1", doc(), "a", NOW).next();
    assertThat(contracted.status()).isEqualTo(VoucherStatus.CONTRACTED);
    assertThat(slug(() -> contracted.contract(testing, ServiceCategory.TESTING, 1, null, doc(), "a", NOW)))
        .isEqualTo("illegal-transition");
  }

  static final String REP = "ab".repeat(32);
  static final String OTHER_REP = "cd".repeat(32);

  @Test
  void givenLegalRepresentatives_whenContracted_thenBothHashesTravelWithTheContract_andAbsentStaysAbsent() {
    Voucher v = Voucher.issue(program(), ENTERPRISE, "Org", "alice", new Pledge("v1", NOW), true, REP, List.of(), 0,
        "k", "h", NOW).next();
    assertThat(v.legalRepresentativeIdHash()).isEqualTo(REP);
    ServiceProvider provider = ServiceProvider.register(PROVIDER, "检测机构", List.of(ServiceCategory.TESTING), null,
        OTHER_REP, "bob", NOW).approve("pm", NOW).next();
    assertThat(provider.legalRepresentativeIdHash()).as("kept through the approval").isEqualTo(OTHER_REP);
    var change = v.contract(provider, ServiceCategory.TESTING, 100, null, doc(), "a", NOW);
    assertThat(change.next().legalRepresentativeIdHash()).isEqualTo(REP);
    assertThat(change.next().contract().providerLegalRepresentativeIdHash()).isEqualTo(OTHER_REP);
    assertThat(change.next().claimSettlement(PROVIDER, "p", NOW).next().contract()
        .providerLegalRepresentativeIdHash()).isEqualTo(OTHER_REP);

    Voucher none = issued();
    assertThat(none.legalRepresentativeIdHash()).isNull();
    assertThat(none.contract(approved(PROVIDER, ServiceCategory.TESTING), ServiceCategory.TESTING, 100, null, doc(),
        "a", NOW).next().contract().providerLegalRepresentativeIdHash()).isNull();
  }

  @Test
  void givenAClearIdNumberWhereTheHashBelongs_thenRefusedWithoutRepeatingIt() {
    String clear = "120101198004135929";
    assertThatThrownBy(() -> Voucher.issue(program(), ENTERPRISE, "Org", "alice", new Pledge("v1", NOW), true, clear,
        List.of(), 0, "k", "h", NOW)).isInstanceOf(IllegalArgumentException.class).message().doesNotContain(clear);
    assertThatThrownBy(() -> ServiceProvider.register(PROVIDER, "x", List.of(ServiceCategory.TESTING), null, clear,
        "b", NOW)).isInstanceOf(IllegalArgumentException.class).message().doesNotContain(clear);
    assertThatThrownBy(() -> ServiceProvider.register(PROVIDER, "x", List.of(ServiceCategory.TESTING), null,
        REP.toUpperCase(java.util.Locale.ROOT), "b", NOW)).as("not the suite's lower-case hex")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenExpiredVoucher_whenUsed_thenRefused_butOnTheLastValidDayItIsUsable() {
    Voucher v = issued();
    ServiceProvider testing = approved(PROVIDER, ServiceCategory.TESTING);
    Instant lastMoment = v.expiresAt().minus(Duration.ofMillis(1));
    assertThat(v.contract(testing, ServiceCategory.TESTING, 100, null, doc(), "a", lastMoment).next().status())
        .isEqualTo(VoucherStatus.CONTRACTED);
    assertThat(slug(() -> v.contract(testing, ServiceCategory.TESTING, 100, null, doc(), "a", v.expiresAt())))
        .isEqualTo("voucher-expired");
  }

  @Test
  void givenContract_whenProviderClaimsAndEnterpriseConfirms_thenRedeemedOnce_andNobodyElseMayDoEither() {
    Voucher contracted = issued().contract(approved(PROVIDER, ServiceCategory.TESTING), ServiceCategory.TESTING,
        8_000_000, null, doc(), "a", NOW).next();
    assertThat(slug(() -> contracted.claimSettlement(MUNICIPAL, "x", NOW))).isEqualTo("forbidden");
    assertThat(slug(() -> contracted.claimSettlement(ENTERPRISE, "x", NOW))).isEqualTo("forbidden");
    assertThat(slug(() -> contracted.confirmDelivery(ENTERPRISE, "x", NOW))).isEqualTo("illegal-transition");
    Voucher claimed = contracted.claimSettlement(PROVIDER, "p", NOW).next();
    assertThat(slug(() -> claimed.confirmDelivery(PROVIDER, "p", NOW))).isEqualTo("forbidden");
    var redeemed = claimed.confirmDelivery(ENTERPRISE, "e", NOW);
    assertThat(redeemed.next().status()).isEqualTo(VoucherStatus.REDEEMED);
    assertThat(redeemed.events()).singleElement().isInstanceOf(IntakeEvent.VoucherRedeemed.class);
    assertThat(slug(() -> redeemed.next().confirmDelivery(ENTERPRISE, "e", NOW))).isEqualTo("illegal-transition");
  }

  @Test
  void givenRatioText_whenConverted_thenExactBasisPointsOrRefused() {
    assertThat(VoucherRule.basisPoints(new BigDecimal("0.50"))).isEqualTo(5000);
    assertThat(VoucherRule.basisPoints(new BigDecimal("0.3333"))).isEqualTo(3333);
    assertThat(VoucherRule.basisPoints(BigDecimal.ONE)).isEqualTo(10_000);
    assertThatThrownBy(() -> VoucherRule.basisPoints(new BigDecimal("0.33333"))).isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> VoucherRule.basisPoints(new BigDecimal("1.01"))).isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> VoucherRule.basisPoints(BigDecimal.ZERO)).isInstanceOf(IntakeRefusal.class);
    assertThat(rule().vouchersPerEnterprisePerYear()).isEqualTo(2);
    assertThatThrownBy(() -> new VoucherRule(5_000_000, 180, 4_999_999, List.of(ServiceCategory.TESTING), 5000,
        List.of("120112"))).isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> ProgramTerms.voucher("x", 10, 10, program().terms().callWindow(), null))
        .hasFieldOrPropertyWithValue("slug", "invalid-voucher-rule");
    // only VOUCHER programs have a voucher rule, and a VOUCHER program has no reward table (issue 18 points 1 and 3)
    assertThatThrownBy(() -> new ProgramTerms("x", ProgramKind.REWARD, 100_000_000, 10,
        program().terms().callWindow(), null, null,
        new RewardTable(List.of(new RewardTable.Entry("GAZELLE", "瞪羚企业", 10))), rule(), null))
        .hasFieldOrPropertyWithValue("slug", "invalid-voucher-rule");
    assertThatThrownBy(() -> new ProgramTerms("x", ProgramKind.VOUCHER, 100_000_000, 10,
        program().terms().callWindow(), null, null,
        new RewardTable(List.of(new RewardTable.Entry("GAZELLE", "瞪羚企业", 10))), rule(), null))
        .hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
  }
}
