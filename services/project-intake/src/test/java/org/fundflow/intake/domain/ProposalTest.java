package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundflow.intake.domain.Fixtures.NOW;
import static org.fundflow.intake.domain.Fixtures.ORG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalTest {

  @Test
  void givenBudgetLinesNotAddingUp_whenContentCreated_thenBudgetMismatch() {
    assertThatThrownBy(() -> new ProposalContent("t", "a", List.of(), 1000,
        List.of(new BudgetLine("x", 400), new BudgetLine("y", 500)), null, null, null, null, null, null))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("budget-mismatch"));
  }

  @Test
  void givenMilestonesNotAddingTo100_whenContentCreated_thenRefused() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    assertThatThrownBy(() -> new ProposalContent("t", "a", List.of(), 1000, List.of(), null, null, null, start,
        start.plusYears(2), List.of(new Milestone(1, "m1", List.of("d"), start.plusMonths(6), 40),
            new Milestone(2, "m2", List.of("d"), start.plusMonths(12), 50))))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.slug()).isEqualTo("invalid-milestone-plan");
          assertThat(r.getMessage()).contains("90");
        });
  }

  @Test
  void givenMilestoneDueOutsideProjectPeriod_whenContentCreated_thenRefused() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    assertThatThrownBy(() -> new ProposalContent("t", "a", List.of(), 1000, List.of(), null, null, null, start,
        start.plusYears(1), List.of(new Milestone(1, "m1", List.of("d"), start.plusYears(2), 100))))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.getMessage()).contains("outside the project period"));
  }

  @Test
  void givenOversizeAttachment_whenCreated_thenRefused() {
    assertThatThrownBy(() -> new Attachment("a.pdf", "application/pdf", Attachment.MAX_SIZE_BYTES + 1, "0".repeat(64)))
        .isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenOpenProgram_whenDraftSubmittedWithPledge_thenSubmittedWithPledgeRecorded() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal submitted = Fixtures.submitted(program, 1_000);
    assertThat(submitted.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(submitted.pledge().textVersion()).isEqualTo("2026-1");
    assertThat(submitted.pledge().acceptedAt()).isEqualTo(NOW);
  }

  @Test
  void givenWindowClosed_whenSubmitted_thenCallWindowClosed() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal draft = Fixtures.draft(program, 1_000);
    Instant late = NOW.plus(31, ChronoUnit.DAYS);
    assertThatThrownBy(() -> draft.submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(), List.of(),
        late))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("call-window-closed"));
  }

  @Test
  void givenNoPledge_whenSubmitted_thenPledgeRequired() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    assertThatThrownBy(() -> Fixtures.draft(program, 1_000).submit(program, null, null, Fixtures.submission(), List.of(),
        List.of(), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("pledge-required"));
  }

  @Test
  void givenRequestOverCap_whenSubmitted_thenOverCap() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    assertThatThrownBy(() -> Fixtures.submitted(program, 1_001))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("over-cap"));
  }

  @Test
  void givenActiveHoldOnOrganisation_whenSubmitted_thenRefusedNamingEndDate() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Hold hold = new Hold("hld-1", HoldSubject.ORGANISATION, ORG, "list", NOW.minusSeconds(60),
        Instant.parse("2029-12-31T16:00:00Z"), false);
    assertThatThrownBy(() -> Fixtures.draft(program, 1_000)
        .submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(hold), List.of(), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.slug()).isEqualTo("integrity-hold");
          assertThat(r.getMessage()).contains("until 2029-12-31"); // the last Asia/Shanghai day under the hold
          assertThat(r.properties()).containsEntry("holdId", "hld-1");
        });
  }

  @Test
  void givenHoldOnPrincipalInvestigator_whenSubmitted_thenRefused() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Hold hold = new Hold("hld-2", HoldSubject.PERSON, Fixtures.PI_HASH, "x", null, NOW.plusSeconds(3600), false);
    assertThatThrownBy(() -> Fixtures.draft(program, 1_000)
        .submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(hold), List.of(), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.getMessage()).contains("principal investigator"));
  }

  @Test
  void givenLiftedOrExpiredHold_whenSubmitted_thenAccepted() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Hold lifted = new Hold("hld-3", HoldSubject.ORGANISATION, ORG, "x", null, NOW.plusSeconds(3600), true);
    Hold expired = new Hold("hld-4", HoldSubject.ORGANISATION, ORG, "x", null, NOW.minusSeconds(1), false);
    assertThat(Fixtures.draft(program, 1_000)
        .submit(program, null, Fixtures.pledge(), Fixtures.submission(), List.of(lifted, expired), List.of(), NOW)
        .next().status())
        .isEqualTo(ProposalStatus.SUBMITTED);
  }

  @Test
  void givenSubmitted_whenAwardedBeforeReview_thenIllegalTransition() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal submitted = Fixtures.submitted(program, 1_000);
    assertThatThrownBy(() -> submitted.award(500, program, "pm", NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.CONFLICT));
    assertThatThrownBy(() -> submitted.sendToReview(program, NOW)).isInstanceOf(IntakeRefusal.class);
    assertThatThrownBy(() -> submitted.edit(Fixtures.content(10))).isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenUnderReview_whenAwardOverRequested_thenRefused() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal p = Fixtures.underReview(program, 800);
    assertThatThrownBy(() -> p.requireAwardable(900, program, null, List.of(), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("award-over-requested"));
  }

  @Test
  void givenGeneralAwarded_whenProjectMilestones_thenOneFinalAcceptanceAt100() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal awarded = Fixtures.underReview(program, 800).award(700, program, "pm", NOW).next();
    assertThat(awarded.status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(awarded.projectMilestones()).singleElement().satisfies(m -> {
      assertThat(m.tranchePercent()).isEqualTo(100);
      assertThat(m.dueDate()).isEqualTo(LocalDate.of(2028, 12, 31));
    });
    assertThat(awarded.projectId()).isEqualTo("prj-1");
  }

  @Test
  void givenDecided_whenWithdrawn_thenIllegalTransition() {
    Program program = Fixtures.openGeneral(10_000, 1_000);
    Proposal rejected = Fixtures.submitted(program, 800).reject("not innovative", "pm", NOW).next();
    assertThatThrownBy(() -> rejected.withdraw(NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("illegal-transition"));
    assertThat(Fixtures.submitted(program, 800).withdraw(NOW).next().status()).isEqualTo(ProposalStatus.WITHDRAWN);
  }

  @Test
  void givenChallengeProgram_whenDraftWithoutChallenge_thenRefused() {
    Program program = Fixtures.openChallengeProgram();
    assertThatThrownBy(() -> Proposal.draft("prp-2", program, null, ORG, "Org", "a", Fixtures.content(10), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("challenge-required"));
  }

  @Test
  void givenChallengeProposalWithoutMilestones_whenSubmitted_thenRefused() {
    Program program = Fixtures.openChallengeProgram();
    Challenge challenge = Challenge.post("chl-1", program, Fixtures.OTHER_ORG, "Enterprise", "Problem", "Solve it",
        List.of("yield > 90%"), 20_000_000, LocalDate.of(2027, 6, 30), NOW).next();
    Proposal draft = Proposal.draft("prp-3", program, challenge, ORG, "Org", "a", Fixtures.content(1_000), NOW);
    assertThatThrownBy(() -> draft.submit(program, challenge, Fixtures.pledge(), Fixtures.submission(), List.of(), List.of(), NOW))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("invalid-milestone-plan"));
  }

  @Test
  void givenPostSubsidyProgram_whenDraft_thenRefused() {
    Program program = Program.draft("prg-3", new ProgramTerms("p", ProgramKind.POST_SUBSIDY, 1000, 100,
        Fixtures.openWindow(), null, new PostSubsidyRule(SubsidyBase.INCREASE, List.of(new SubsidyTier(0, 3000)), 100L, 0)),
        NOW).open(NOW).next();
    assertThatThrownBy(() -> Fixtures.draft(program, 10)).isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void theProposalRecordsWhatHappenedToIt() {
    Program program = Fixtures.openGeneral(10_000, 1_000);

    var awarded = Fixtures.underReview(program, 800).award(700, program, "pm", NOW);
    var withdrawn = Fixtures.submitted(program, 800).withdraw(NOW);

    assertThat(awarded.events()).singleElement().isInstanceOfSatisfying(IntakeEvent.ProposalAwarded.class, e -> {
      assertThat(e.proposal()).isEqualTo(awarded.next());
      assertThat(e.program()).isEqualTo(program);
      assertThat(e.at()).isEqualTo(NOW);
    });
    assertThat(withdrawn.events()).singleElement().isEqualTo(new IntakeEvent.ProposalWithdrawn(withdrawn.next(), NOW));
    assertThat(Fixtures.submitted(program, 800).screen().events()).isEmpty(); // a step nobody outside hears of
  }
}
