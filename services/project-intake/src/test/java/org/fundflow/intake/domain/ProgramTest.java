package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundflow.intake.domain.Fixtures.NOW;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTest {

  @Test
  void givenSplitNotSummingTo100_whenCreated_thenRefused() {
    assertThatThrownBy(() -> new FundingSplit(60, 30))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("invalid-funding-split"));
  }

  @Test
  void givenGeneralWithoutSplit_whenTermsCreated_thenRefused() {
    assertThatThrownBy(() -> new ProgramTerms("x", ProgramKind.GENERAL, 100, 10, Fixtures.openWindow(), null, null))
        .isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenPostSubsidyWithoutRule_whenTermsCreated_thenRefused() {
    assertThatThrownBy(() -> new ProgramTerms("x", ProgramKind.POST_SUBSIDY, 100, 10, Fixtures.openWindow(), null, null))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("invalid-subsidy-rule"));
  }

  @Test
  void givenPostSubsidyRule_whenTermsCreated_thenKept() {
    PostSubsidyRule rule = new PostSubsidyRule(SubsidyBase.INCREASE, List.of(new SubsidyTier(0, 3000)),
        100_000_000L, 1_000_000);
    ProgramTerms terms = new ProgramTerms("后补助", ProgramKind.POST_SUBSIDY, 1_000_000_000, 100_000_000,
        Fixtures.openWindow(), null, rule);
    assertThat(terms.postSubsidyRule().tiers()).hasSize(1);
  }

  @Test
  void givenTiersOutOfOrder_whenRuleCreated_thenRefused() {
    assertThatThrownBy(() -> new PostSubsidyRule(SubsidyBase.TOTAL,
        List.of(new SubsidyTier(0, 350), new SubsidyTier(0, 175)), 10L, 0)).isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenNoCap_whenRuleCreated_thenItIsUncappedAndACapOfZeroIsRefusedNotReadAsNoCap() {
    PostSubsidyRule uncapped = new PostSubsidyRule(SubsidyBase.INCREASE, List.of(new SubsidyTier(0, 3000)), null, 0);
    assertThat(uncapped.capped()).isFalse();
    assertThat(uncapped.capPerOrganisationPerYearFen()).isNull();
    for (long bad : new long[] {0, -1}) {
      assertThatThrownBy(() -> new PostSubsidyRule(SubsidyBase.INCREASE, List.of(new SubsidyTier(0, 3000)), bad, 0))
          .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
            assertThat(r.slug()).isEqualTo("invalid-subsidy-rule");
            assertThat(r.getMessage()).contains("leave it out for no cap");
          });
    }
    assertThat(new PostSubsidyRule(SubsidyBase.INCREASE, List.of(new SubsidyTier(0, 3000)), 1L, 0).capped()).isTrue();
  }

  @Test
  void givenCapOverBudget_whenTermsCreated_thenRefused() {
    assertThatThrownBy(() -> Fixtures.general(100, 101)).isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenShanghaiLocalTimes_whenWindowCreated_thenInstantsAreEightHoursEarlier() {
    CallWindow w = CallWindow.inShanghai(LocalDateTime.parse("2026-12-01T09:00"), LocalDateTime.parse("2026-12-31T17:00"));
    assertThat(w.opensAt()).hasToString("2026-12-01T01:00:00Z");
    assertThat(w.isOpenAt(java.time.Instant.parse("2026-12-31T08:59:59Z"))).isTrue();
    assertThat(w.isOpenAt(java.time.Instant.parse("2026-12-31T09:00:00Z"))).isFalse();
  }

  @Test
  void givenDraft_whenOpenedAndClosed_thenRevisionGrowsAndEditIsRefused() {
    Program draft = Program.draft("prg-1", Fixtures.general(1000, 100), NOW);
    Program edited = draft.edit(Fixtures.general(2000, 100)).next();
    assertThat(edited.terms().budgetFen()).isEqualTo(2000);
    Program open = edited.open(NOW).next();
    assertThat(open.status()).isEqualTo(ProgramStatus.OPEN);
    assertThat(open.revision()).isEqualTo(1);
    Program closed = open.close(NOW).next();
    assertThat(closed.revision()).isEqualTo(2);
    assertThatThrownBy(() -> open.edit(Fixtures.general(1, 1)))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.CONFLICT));
    assertThatThrownBy(() -> closed.close(NOW)).isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> draft.close(NOW)).isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenClosedProgram_whenSubmissionChecked_thenCallWindowClosed() {
    Program closed = Fixtures.openGeneral(1000, 100).close(NOW).next();
    assertThatThrownBy(() -> closed.requireAcceptingSubmissions(NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("call-window-closed"));
  }
}
