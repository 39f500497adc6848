package org.fundflow.portal.web.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fundflow.portal.client.ProgramManagementClient.ProgramTerms;
import org.fundflow.portal.client.ProgramManagementClient.Tier;
import org.junit.jupiter.api.Test;

/** The program form as typed (yuan, percent) becomes the service's terms exactly (fen, basis points). */
class ProgramFormTest {

  static ProgramForm postSubsidy(String rate2, String capPerOrganisation) {
    return new ProgramForm("研发后补助", "POST_SUBSIDY", "10,000,000.00", "500,000", "2026-12-01T09:00", "2027-01-31T17:00",
        "", "", "INCREASE", "0", "10", "1,000,000.01", rate2, "", "", capPerOrganisation, "¥50,000", "k", null);
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
        "2027-01-31T17:00", "30", "70", "TOTAL", "", "", "", "", "", "", "", "", "k", "true");
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
        "2027-01-31T17:00", "", "", "TOTAL", "", "", "", "", "", "", "", "", "k", null);
    assertThat(unticked.toTerms().expertReview().required()).isFalse();
    assertThat(postSubsidy("12", "").toTerms().expertReview()).as("POST_SUBSIDY: the service's default (off)").isNull();
  }
}
