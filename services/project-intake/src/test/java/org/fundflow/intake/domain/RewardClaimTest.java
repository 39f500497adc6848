package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundflow.intake.domain.Fixtures.NOW;
import static org.fundflow.intake.domain.Fixtures.ORG;

import java.util.List;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

/** Reward programs and claims (奖励类, issue 18 point 3), pure domain. */
class RewardClaimTest {

  static final ProposalFile CERTIFICATE = new ProposalFile("f1", "证书.pdf", "application/pdf", 2048, "ab".repeat(32),
      "app-li", NOW);

  static RewardTable table() {
    return new RewardTable(List.of(new RewardTable.Entry("NATIONAL_HIGH_TECH", "国家高新技术企业认定", 20_000_001),
        new RewardTable.Entry("GAZELLE", "瞪羚企业", 50_000_000)));
  }

  static Program openReward() {
    return Program.draft("prg-rw", ProgramTerms.reward("奖励 2026", 1_000_000_000, 50_000_000,
        Fixtures.openWindow(), table()), NOW).open(NOW).next();
  }

  static RewardClaim draft() {
    return RewardClaim.draft(openReward(), ORG, "津南新材料", "NATIONAL_HIGH_TECH", "app-li", NOW);
  }

  static Pledge pledge() {
    return new Pledge("JN-2026-01", NOW);
  }

  @Test
  void givenARewardProgram_whenItHasNoTableOrAnotherKindHasOne_thenRefused() {
    assertThatThrownBy(() -> ProgramTerms.reward("x", 100, 10, Fixtures.openWindow(), null))
        .hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
    assertThatThrownBy(() -> new ProgramTerms("x", ProgramKind.GENERAL, 100_000_000, 10, Fixtures.openWindow(),
        new FundingSplit(60, 40), null, table(), null, null)).hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
    assertThatThrownBy(() -> ProgramTerms.reward("x", 100, 10, Fixtures.openWindow(), table()))
        .as("a reward over the budget").hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
    assertThatThrownBy(() -> new RewardTable(List.of(new RewardTable.Entry("lower", "x", 1))))
        .hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
    assertThatThrownBy(() -> new RewardTable(List.of(new RewardTable.Entry("AB", "x", 0))))
        .hasFieldOrPropertyWithValue("slug", "invalid-reward-table");
  }

  @Test
  void givenAnAchievementOfTheTable_whenDrafted_thenTheAmountIsTheTablesAndTheIdIsTheOrganisationAndAchievement() {
    RewardClaim claim = draft();
    assertThat(claim.id()).isEqualTo("rwc-" + ORG + "-NATIONAL_HIGH_TECH");
    assertThat(claim.amountFen()).isEqualTo(20_000_001);
    assertThat(claim.status()).isEqualTo(RewardClaimStatus.DRAFT);
    assertThatThrownBy(() -> RewardClaim.draft(openReward(), ORG, "n", "LEADING", "app-li", NOW))
        .hasFieldOrPropertyWithValue("slug", "unknown-achievement");
    assertThatThrownBy(() -> RewardClaim.draft(Fixtures.openGeneral(100_000_000, 10_000_000), ORG, "n",
        "NATIONAL_HIGH_TECH", "app-li", NOW)).hasFieldOrPropertyWithValue("slug", "not-a-reward-program");
  }

  @Test
  void givenADraft_whenSubmittedWithoutEvidencePledgeOrUnderAHold_thenRefused_elseSubmittedWithItsEvidence() {
    RewardClaim claim = draft();
    Submission how = new Submission("k", "h", NOW);
    assertThatThrownBy(() -> claim.submit(openReward(), pledge(), how, List.of(), List.of(), NOW))
        .hasFieldOrPropertyWithValue("slug", "evidence-required");
    assertThatThrownBy(() -> claim.submit(openReward(), null, how, List.of(), List.of(CERTIFICATE), NOW))
        .hasFieldOrPropertyWithValue("slug", "pledge-required");
    Hold hold = new Hold("hld-1", HoldSubject.ORGANISATION, ORG, "listed", NOW.minusSeconds(60), null, false);
    assertThatThrownBy(() -> claim.submit(openReward(), pledge(), how, List.of(hold), List.of(CERTIFICATE), NOW))
        .hasFieldOrPropertyWithValue("slug", "integrity-hold");

    Change<RewardClaim, RewardClaimEvent> submitted = claim.submit(openReward(), pledge(), how, List.of(),
        List.of(CERTIFICATE), NOW);
    assertThat(submitted.next().status()).isEqualTo(RewardClaimStatus.SUBMITTED);
    assertThat(submitted.events()).singleElement().isInstanceOf(RewardClaimEvent.Submitted.class);
    assertThatThrownBy(submitted.next()::requireEvidenceChangeable)
        .hasFieldOrPropertyWithValue("slug", "illegal-transition");
  }

  @Test
  void givenASubmittedClaim_whenDecided_thenOnce_andARejectionNeedsItsReason() {
    RewardClaim submitted = draft().submit(openReward(), pledge(), new Submission("k", "h", NOW), List.of(),
        List.of(CERTIFICATE), NOW).next();
    assertThatThrownBy(() -> submitted.reject(" ", "pm", NOW)).hasFieldOrPropertyWithValue("slug", "reason-required");
    RewardClaim verified = submitted.verify("pm", List.of(CERTIFICATE), NOW).next();
    assertThat(verified.status()).isEqualTo(RewardClaimStatus.VERIFIED);
    assertThat(verified.decidedBy()).isEqualTo("pm");
    assertThatThrownBy(() -> verified.reject("late", "pm", NOW)).hasFieldOrPropertyWithValue("slug", "illegal-transition");
  }
}
