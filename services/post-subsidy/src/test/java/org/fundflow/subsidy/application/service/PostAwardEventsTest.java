package org.fundflow.subsidy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.PrepareCommand;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.ReleaseCommand;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Awarded;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.HoldLifted;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.HoldPlaced;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Origin;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProjectSuspension;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProjectTerminated;
import org.fundflow.subsidy.application.port.out.AwardRemainders;
import org.fundflow.subsidy.domain.AwardRemainder;
import org.fundflow.subsidy.domain.DisbursementRefused;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.Payee;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.TrancheSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Issue 17 point 5 in post-subsidy: a suspended project is not paid; a terminated one gives back what is unpaid. */
class PostAwardEventsTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final Payee PAYEE = new Payee("Widgets", "Bank", "622202030200123456");

  InMemory.FakeDisbursements disbursements = new InMemory.FakeDisbursements();
  InMemory.FakePrograms programs = new InMemory.FakePrograms();
  InMemory.FakeHolds holds = new InMemory.FakeHolds();
  InMemory.FakeProjects projects = new InMemory.FakeProjects();
  Remainders remainders = new Remainders();
  Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
  ExternalEventsService events = new ExternalEventsService(disbursements, programs, projects, holds, clock,
      remainders);
  DisbursementsService payments = new DisbursementsService(disbursements, programs, holds, clock,
      Duration.ofMinutes(1));

  /** Like the store: one remainder per project, a second one is refused. */
  static final class Remainders implements AwardRemainders {
    final Map<String, AwardRemainder> byProject = new HashMap<>();
    final List<AwardRemainder> published = new ArrayList<>();

    @Override
    public synchronized Mono<Boolean> release(AwardRemainder r) {
      if (byProject.putIfAbsent(r.projectId(), r) != null) {
        return Mono.just(false);
      }
      published.add(r);
      return Mono.just(true);
    }
  }

  @BeforeEach
  void program() {
    programs.apply(new ExternalEventsUseCase.ProgramCopy("prg", ProgramKind.GENERAL, "General", 10_000_000,
        new FundingSplit(60, 40), null, 1)).block();
    events.proposalAwarded(new Awarded("p1", "prg", ProgramKind.GENERAL, ORG, 1_000_001, null,
        List.of(new TrancheSchedule.Milestone("final", 1, 100)), origin("award"))).block();
  }

  static Origin origin(String id) {
    return new Origin(id, "test");
  }

  void suspension(boolean suspended, String eventId) {
    events.projectSuspension(new ProjectSuspension("p1", "prg", ORG, suspended, "audit", origin(eventId))).block();
  }

  long prepare() {
    return payments.prepare(new PrepareCommand("adv-p1", ExpectedVersion.any(), PAYEE, "olga")).block()
        .version();
  }

  @Test
  void aSuspendedProjectsPreparedDisbursementIsHeldAndCannotBeReleasedUntilResumed() {
    long v = prepare();
    suspension(true, "s1");

    assertThat(disbursements.byId.get("adv-p1").status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThatThrownBy(() -> payments.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "bob")).block()).isInstanceOf(DisbursementRefused.class).hasMessageContaining("suspended");

    suspension(false, "r1");
    var back = disbursements.byId.get("adv-p1");
    assertThat(back.status()).isEqualTo(DisbursementStatus.PREPARED);
    assertThat(payments.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(back.version()), "k", "REF", "bob")).block().status()).isEqualTo(DisbursementStatus.RELEASED);
  }

  @Test
  void anIntegrityHoldLiftedDuringTheSuspensionDoesNotFreeTheProjectsPayment() {
    events.holdPlaced(new HoldPlaced("h1", ORG, "list", origin("h"))).block();
    suspension(true, "s1");
    events.holdLifted(new HoldLifted("h1", ORG, "lifted", origin("l"))).block();

    assertThat(disbursements.byId.get("adv-p1").status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(disbursements.byId.get("adv-p1").heldBySuspension()).isTrue();
    suspension(false, "r1");
    assertThat(disbursements.byId.get("adv-p1").status()).isEqualTo(DisbursementStatus.CREATED);
  }

  @Test
  void resumingWhileTheOrganisationIsHeldKeepsThePaymentHeldByTheIntegrityHold() {
    suspension(true, "s1");
    events.holdPlaced(new HoldPlaced("h1", ORG, "list", origin("h"))).block();
    suspension(false, "r1");

    var d = disbursements.byId.get("adv-p1");
    assertThat(d.status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(d.holdId()).isEqualTo("h1");
    events.holdLifted(new HoldLifted("h1", ORG, "lifted", origin("l"))).block();
    assertThat(disbursements.byId.get("adv-p1").status()).isEqualTo(DisbursementStatus.CREATED);
  }

  @Test
  void aTerminatedProjectGivesBackAwardedMinusReleasedOnceEvenWhenTheEventComesTwice() {
    long v = prepare();
    payments.release(new ReleaseCommand("adv-p1", ExpectedVersion.of(v), "k", "REF", "bob")).block();
    // the advance (60 % of 1,000,001 fen = 600,001 fen HALF_UP) is paid; the rest goes back

    ProjectTerminated terminated = new ProjectTerminated("p1", "prg", ORG, "misuse", 1_000_001L, origin("t"));
    events.projectTerminated(terminated).block();
    events.projectTerminated(terminated).block();

    assertThat(remainders.published).singleElement().satisfies(r -> {
      assertThat(r.awardedFen()).isEqualTo(1_000_001L);
      assertThat(r.paidFen()).isEqualTo(disbursements.byId.get("adv-p1").amountFen());
      assertThat(r.remainderFen()).isEqualTo(1_000_001L - r.paidFen());
      assertThat(r.terminationEventId()).isEqualTo("t");
    });
  }

  @Test
  void aTerminatedProjectWithNothingPaidGivesBackTheWholeAwardAndCancelsWhatWasHeld() {
    suspension(true, "s1");
    events.projectTerminated(new ProjectTerminated("p1", "prg", ORG, "misuse", 1_000_001L, origin("t"))).block();

    assertThat(disbursements.byId.get("adv-p1").status()).isEqualTo(DisbursementStatus.CANCELLED);
    assertThat(remainders.published).singleElement()
        .satisfies(r -> assertThat(r.remainderFen()).isEqualTo(1_000_001L));
  }
}
