package org.fundflow.subsidy.application.service;

import org.fundflow.platform.domain.ExpectedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.PrepareCommand;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.ReleaseCommand;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Awarded;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Origin;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementRefused;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.Payee;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.TrancheSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisbursementsServiceTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final Payee PAYEE = new Payee("Widgets", "Bank", "622202030200123456");

  InMemory.FakeDisbursements disbursements = new InMemory.FakeDisbursements();
  InMemory.FakePrograms programs = new InMemory.FakePrograms();
  InMemory.FakeHolds holds = new InMemory.FakeHolds();
  InMemory.FakeProjects projects = new InMemory.FakeProjects();
  Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
  ExternalEventsService events = new ExternalEventsService(disbursements, programs, projects, holds, clock);
  DisbursementsService service = new DisbursementsService(disbursements, programs, holds, clock, Duration.ofMinutes(1));

  @BeforeEach
  void program() {
    programs.apply(new ExternalEventsUseCase.ProgramCopy("prg", ProgramKind.GENERAL, "General", 1_000_000,
        new FundingSplit(60, 40), null, 1)).block();
  }

  void award(String projectId, long amount, String eventId) {
    events.proposalAwarded(new Awarded(projectId, "prg", ProgramKind.GENERAL, ORG, amount, null,
        List.of(new TrancheSchedule.Milestone("final", 1, 100)), new Origin(eventId, "award"))).block();
  }

  long prepared(String projectId) {
    return service.prepare(new PrepareCommand("adv-" + projectId, ExpectedVersion.any(), PAYEE, "olga")).block().version();
  }

  @Test
  void givenTheSameAwardTwice_whenApplied_thenOneAdvanceFromTheProgramSplit() {
    award("p1", 1_000_001, "e1");
    award("p1", 1_000_001, "e2");
    assertThat(disbursements.byId).containsOnlyKeys("adv-p1");
    assertThat(disbursements.byId.get("adv-p1").amountFen()).isEqualTo(600_001);
    assertThat(disbursements.published).hasSize(1);
  }

  @Test
  void givenPreparedWithAKey_whenTheSameRequestComesAgain_thenTheSameAnswerAndNoSecondChange_anotherRequestIsRefused() {
    award("p1", 1_000_001, "e1");
    assertThat(disbursements.byId.get("adv-p1").explanationNote())
        .isEqualTo(org.fundflow.subsidy.domain.Note.of("advance", 1_000_001L, "60", 600_001L));
    var first = service.prepare(new PrepareCommand("adv-p1", ExpectedVersion.of(1), PAYEE, "olga", "k1")).block();
    // a double click: the same key and request, with the version the page was read at
    var again = service.prepare(new PrepareCommand("adv-p1", ExpectedVersion.of(1), PAYEE, "olga", "k1")).block();
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(disbursements.byId.get("adv-p1").history()).extracting(h -> h.to()).containsExactly("CREATED", "PREPARED");
    assertThat(first.history().get(1).noteCode().code()).isEqualTo("prepared");
    assertThatThrownBy(() -> service.prepare(new PrepareCommand("adv-p1", ExpectedVersion.any(),
        new Payee("Widgets", "Bank", "622202030200999999"), "olga", "k1")).block())
        .isInstanceOf(Refusal.class).hasMessageContaining("k1");
    assertThatThrownBy(() -> service.prepare(new PrepareCommand("adv-p1", ExpectedVersion.any(), PAYEE, "oscar", "k1"))
        .block()).isInstanceOf(Refusal.class);
    assertThat(disbursements.byId.get("adv-p1").payee()).isEqualTo(PAYEE);
    // a new key is a new request: the payee corrected
    var corrected = service.prepare(new PrepareCommand("adv-p1", ExpectedVersion.of(first.version()),
        new Payee("Widgets", "Bank", "622202030200999999"), "olga", "k2")).block();
    assertThat(corrected.payee().accountNumber()).isEqualTo("622202030200999999");
  }

  @Test
  void givenPreparedByOlga_whenOlgaReleases_thenFourEyesRefusalAndNothingReserved() {
    award("p1", 100_000, "e1");
    long v = prepared("p1");
    assertThatThrownBy(() -> service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "olga")).block())
        .isInstanceOf(DisbursementRefused.class);
    assertThat(programs.commitments).isEmpty();
  }

  @Test
  void givenReleased_whenTheSameRequestIsRepeated_thenTheSameAnswerAndOneReservation() {
    award("p1", 100_000, "e1");
    long v = prepared("p1");
    var first = service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "bob")).block();
    var again = service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "bob")).block();
    assertThat(again.status()).isEqualTo(DisbursementStatus.RELEASED);
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(programs.find("prg").block().paidFen()).isEqualTo(60_000);
    assertThatThrownBy(() -> service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "OTHER", "bob")).block())
        .isInstanceOf(Refusal.class).hasMessageContaining("different release request");
    assertThat(disbursements.published).filteredOn(DisbursementEvent.Released.class::isInstance).hasSize(1);
  }

  @Test
  void givenAHeldOrganisation_whenReleased_thenRefusedAndTheBudgetUntouched() {
    award("p1", 100_000, "e1");
    long v = prepared("p1");
    holds.place(ORG, "h1").block();
    assertThatThrownBy(() -> service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "bob")).block())
        .isInstanceOf(DisbursementRefused.class).hasMessageContaining("integrity hold");
    assertThat(programs.find("prg").block().allocatedFen()).isZero();
  }

  @Test
  void givenTooLittleBudget_whenReleased_thenBudgetExceededAndNothingReserved() {
    award("p1", 1_000_000, "e1"); // advance 600,000
    award("p2", 1_000_000, "e2"); // advance 600,000: both do not fit into 1,000,000
    long v1 = prepared("p1");
    long v2 = prepared("p2");
    service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v1), "k1", "REF", "bob")).block();
    assertThatThrownBy(() -> service.release(new ReleaseCommand("adv-p2", ExpectedVersion.of(v2), "k2", "REF", "bob")).block())
        .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).slug()).isEqualTo("budget-exceeded");
    assertThat(programs.find("prg").block().allocatedFen()).isEqualTo(600_000);
    assertThat(disbursements.byId.get("adv-p2").status()).isEqualTo(DisbursementStatus.PREPARED);
  }

  @Test
  void givenAStaleVersion_whenReleased_thenPreconditionFailed() {
    award("p1", 100_000, "e1");
    long v = prepared("p1");
    assertThatThrownBy(() -> service.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v - 1), "k", "REF", "bob")).block())
        .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.PRECONDITION_FAILED);
  }
}
