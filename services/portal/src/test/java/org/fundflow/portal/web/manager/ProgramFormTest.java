package org.fundflow.portal.web.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fundflow.portal.client.ProgramManagementClient;
import org.fundflow.portal.client.ProgramManagementClient.ProgramTerms;
import org.fundflow.portal.client.ProgramManagementClient.Tier;
import org.junit.jupiter.api.Test;

/** The program form as typed (yuan, percent) becomes the service's terms exactly (fen, basis points). */
class ProgramFormTest {

  static ProgramForm postSubsidy(String rate2, String capPerOrganisation) {
    return new ProgramForm("研发后补助", "POST_SUBSIDY", "10,000,000.00", "500,000", "2026-12-01T09:00", "2027-01-31T17:00",
        "", "", "INCREASE", "0", "10", "1,000,000.01", rate2, "", "", capPerOrganisation, "¥50,000", "k", null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  @Test
  void aPostSubsidyRuleIsSentInFenAndBasisPointsExactly() {
    ProgramTerms terms = postSubsidy("12.35", "").toTerms();
    assertThat(terms.budgetFen()).isEqualTo(1_000_000_000L);
    assertThat(terms.perProjectCapFen()).isEqualTo(50_000_000L);
    assertThat(terms.fundingSplit()).isNull();
    assertThat(terms.postSubsidyRule().tiers()).containsExactly(new Tier(0, 1000), new Tier(100_000_001L, 1235));
    assertThat(terms.postSubsidyRule().capPerOrganisationPerYearFen()).as("empty = no cap, never 0").isNull();
    assertThat(terms.postSubsidyRule().minimumIncreaseFen()).isEqualTo(5_000_000L);
    assertThat(terms.callWindow().opensAt()).isEqualTo("2026-12-01T09:00");
  }

  @Test
  void aRateWithThreeDecimalsAndAnUnreadableAmountAreMarkedAtTheirFields() {
    assertThatThrownBy(() -> postSubsidy("12.345", "a lot").toTerms())
        .isInstanceOfSatisfying(ProgramForm.Unreadable.class, e -> assertThat(e.fields())
            .containsEntry("tier2Rate", "manager.invalid.rate")
            .containsEntry("capPerOrganisation", "money.invalid.format"));
  }

  @Test
  void aGeneralProgramCarriesItsSplitAndADraftComesBackIntoTheFormAsTyped() {
    ProgramForm typed = new ProgramForm("一般项目", "GENERAL", "1,234,567.89", "100,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "30", "70", "TOTAL", "", "", "", "", "", "", "", "", "k", "true", null, null, null, null,
        null, null, null, null, null, null, null);
    ProgramTerms terms = typed.toTerms();
    assertThat(terms.budgetFen()).isEqualTo(123_456_789L);
    assertThat(terms.fundingSplit().advancePercent()).isEqualTo(30);
    assertThat(terms.postSubsidyRule()).isNull();
    assertThat(terms.expertReview().required()).as("the checkbox ticked").isTrue();
  }

  /** 立项评审: ticked by default for GENERAL and CHALLENGE; unticked (absent from the post) sends required false. */
  @Test
  void theExpertReviewCheckboxIsOnByDefaultExceptForPostSubsidyAndUntickedMeansOff() {
    assertThat(ProgramForm.empty("CHALLENGE", "k").expertReview()).isEqualTo("true");
    assertThat(ProgramForm.empty("GENERAL", "k").expertReview()).isEqualTo("true");
    assertThat(ProgramForm.empty("POST_SUBSIDY", "k").expertReview()).isNull();
    ProgramForm unticked = new ProgramForm("揭榜", "CHALLENGE", "1,000,000", "100,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", null, null, null, null, null,
        null, null, null, null, null, null, null);
    assertThat(unticked.toTerms().expertReview().required()).isFalse();
    assertThat(postSubsidy("12", "").toTerms().expertReview()).as("POST_SUBSIDY: the service's default (off)").isNull();
  }

  /** 创新券: the rule as typed (yuan, percent, days, codes) is sent exactly; a VOUCHER program has no expert review. */
  @Test
  void aVoucherRuleIsSentInFenWithAnExactRatioAndItsDistricts() {
    ProgramForm typed = new ProgramForm("2026年度津南区科技创新券", "VOUCHER", "10,000,000", "50,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", "true", "50,000.00", "180",
        "100,000", "33.33%", List.of("TESTING", "RD_DESIGN"), "120112，120116 ,", null, null, null, null, null);
    ProgramTerms terms = typed.toTerms();
    assertThat(terms.voucherRule()).isEqualTo(new ProgramManagementClient.VoucherTerms(5_000_000L, 180, 10_000_000L,
        List.of("TESTING", "RD_DESIGN"), new java.math.BigDecimal("0.3333"), List.of("120112", "120116")));
    assertThat(terms.expertReview()).as("no proposals to review").isNull();
    assertThat(terms.fundingSplit()).isNull();
    assertThat(ProgramForm.empty("VOUCHER", "k").voucherValidityDays()).isEqualTo("180");
    assertThat(ProgramForm.empty("VOUCHER", "k").expertReview()).isNull();
  }

  @Test
  void anUnreadableFaceValueShareOrValidityIsMarkedAtItsField() {
    ProgramForm typed = new ProgramForm("创新券", "VOUCHER", "10,000,000", "50,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", null, "五万", "半年", "100,000",
        "五成", List.of("TESTING"), "120112", null, null, null, null, null);
    assertThatThrownBy(typed::toTerms).isInstanceOfSatisfying(ProgramForm.Unreadable.class, e -> assertThat(e.fields())
        .containsEntry("voucherFaceValue", "money.invalid.format")
        .containsEntry("voucherValidityDays", "manager.invalid.days")
        .containsEntry("voucherRatio", "manager.invalid.rate"));
  }

  /** 立项评审: the program's own rubric is sent as typed; no row typed leaves the service's default. */
  @Test
  void aRubricTypedRowByRowIsSentWithItsWeights_andNoneTypedLeavesTheDefault() {
    ProgramForm typed = new ProgramForm("揭榜", "CHALLENGE", "1,000,000", "100,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", "true", null, null, null, null, null,
        null, null, null, null, List.of("技术路线", "", "产业化前景"), List.of("60", "", "40"));
    assertThat(typed.toTerms().expertReview().rubric()).containsExactly(
        new ProgramManagementClient.Criterion("技术路线", 60), new ProgramManagementClient.Criterion("产业化前景", 40));
    assertThat(typed.rubricRows()).hasSize(6);

    ProgramForm unnamed = new ProgramForm("揭榜", "CHALLENGE", "1,000,000", "100,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", "true", null, null, null, null, null,
        null, null, null, null, List.of("", "产业化前景"), List.of("sixty", "40"));
    assertThatThrownBy(unnamed::toTerms).isInstanceOfSatisfying(ProgramForm.Unreadable.class,
        e -> assertThat(e.fields()).containsEntry("rubric", "manager.invalid.rubricRow"));
    ProgramForm none = new ProgramForm("揭榜", "CHALLENGE", "1,000,000", "100,000", "2026-12-01T09:00",
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", "true", null, null, null, null, null,
        null, null, null, null, List.of("", ""), List.of(" ", ""));
    assertThat(none.toTerms().expertReview().rubric()).as("the service's default rubric").isNull();
  }
}
