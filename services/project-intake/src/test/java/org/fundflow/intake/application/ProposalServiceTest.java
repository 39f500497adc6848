package org.fundflow.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.intake.application.port.in.DecisionUseCase.AwardCommand;
import org.fundflow.intake.application.port.in.ProposalUseCase.CreateDraftCommand;
import org.fundflow.intake.application.port.in.ProposalUseCase.DraftContent;
import org.fundflow.intake.application.port.in.ProposalUseCase.PersonInput;
import org.fundflow.intake.application.port.in.ProposalUseCase.SubmitCommand;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Challenges;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.application.service.ProposalService;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.FundingSplit;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.platform.domain.ConcurrentChange;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The use cases with in-memory fakes of the ports. */
class ProposalServiceTest {

  static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
  static final String ORG = "91120112MNH91HTMX6";
  static final Viewer APPLICANT = Viewer.applicant("alice", "Alice", ORG, "Org");
  static final Viewer MANAGER = Viewer.staff("pm", "PM");

  final FakePrograms programs = new FakePrograms();
  final FakeProposals proposals = new FakeProposals();
  final List<Hold> holds = new ArrayList<>();
  final AtomicInteger ids = new AtomicInteger();
  final ProposalService service = new ProposalService(proposals, programs, new NoChallenges(), new ListHolds(),
      new PlainPersonIds(), prefix -> prefix + "-" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givenDraft_whenSubmittedWithNationalId_thenOnlyHashAndMaskAreKeptAndOneEventIsRecorded() {
    String id = underReviewReady(1_000);
    Proposal p = proposals.docs.get(id);
    assertThat(p.content().principalInvestigator().personIdHash()).isEqualTo("hash:120101198004135929".hashCode() + "");
    assertThat(p.content().principalInvestigator().maskedId()).isEqualTo("1201**********5929");
    assertThat(p.toString()).doesNotContain("120101198004135929");
    assertThat(proposals.events).filteredOn(IntakeEvent.ProposalSubmitted.class::isInstance).hasSize(1);
  }

  @Test
  void givenSameKeyAndBody_whenSubmittedAgain_thenSameAnswerWithoutNewEvent() {
    String id = draft(1_000);
    var first = service.submit(submit(id, "k", "v1")).block();
    var again = service.submit(submit(id, "k", "v1")).block();
    assertThat(again).isEqualTo(first);
    assertThat(proposals.events).hasSize(1);
    assertThatThrownBy(() -> service.submit(submit(id, "k", "v2")).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("idempotency-key-reused"));
  }

  @Test
  void givenReservationMade_whenProposalWriteLosesTheRace_thenReservationIsReleased() {
    String id = underReview(1_000);
    proposals.failNextSaveForever.set(true);
    assertThatThrownBy(() -> service.award(new AwardCommand(MANAGER, id, 1_000, ExpectedVersion.any())).block())
        .isInstanceOf(ConcurrentChange.class);
    assertThat(programs.committed).isZero();
    assertThat(programs.commitments).isEmpty();
    assertThat(proposals.docs.get(id).status()).isEqualTo(ProposalStatus.UNDER_REVIEW);
  }

  @Test
  void givenConcurrentAwardWrittenOnThisReservation_whenThisWriteLoses_thenReservationStays() {
    String id = underReview(1_000);
    // the other request found the proposal reserved (by this one), went on and wrote the award first
    proposals.beforeNextSave.set(() -> {
      Proposal current = proposals.docs.get(id);
      proposals.docs.put(id, current.award(1_000, programs.program, "pm-2", NOW).next().atVersion(current.version() + 1));
    });
    assertThatThrownBy(() -> service.award(new AwardCommand(MANAGER, id, 1_000, ExpectedVersion.any())).block())
        .isInstanceOf(RuntimeException.class);
    assertThat(proposals.docs.get(id).status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(programs.committed).as("the standing award keeps its budget").isEqualTo(1_000);
    assertThat(programs.commitments).containsEntry(id, 1_000L);
  }

  @Test
  void givenBudgetTooSmall_whenAwarded_thenBudgetExhaustedAndNothingWritten() {
    String id = underReview(1_000);
    programs.committed = 9_500;
    assertThatThrownBy(() -> service.award(new AwardCommand(MANAGER, id, 1_000, ExpectedVersion.any())).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("budget-exhausted"));
    assertThat(proposals.docs.get(id).status()).isEqualTo(ProposalStatus.UNDER_REVIEW);
  }

  @Test
  void givenHoldOnOrganisation_whenAwarded_thenRefusedBeforeAnyReservation() {
    String id = underReview(1_000);
    holds.add(new Hold("h", HoldSubject.ORGANISATION, ORG, "x", null, NOW.plus(10, ChronoUnit.DAYS), false));
    assertThatThrownBy(() -> service.award(new AwardCommand(MANAGER, id, 1_000, ExpectedVersion.any())).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("integrity-hold"));
    assertThat(programs.committed).isZero();
  }

  @Test
  void givenStaleIfMatch_whenAwarded_thenVersionMismatch() {
    String id = underReview(1_000);
    assertThatThrownBy(() -> service.award(new AwardCommand(MANAGER, id, 1_000, ExpectedVersion.of(1))).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.PRECONDITION_FAILED));
  }

  @Test
  void givenOtherOrganisation_whenReading_thenNotFound() {
    String id = draft(1_000);
    Viewer other = Viewer.applicant("bob", "Bob", "9112000089F2XW550E", "Other");
    assertThatThrownBy(() -> service.get(other, id).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.NOT_FOUND));
  }

  // ------------------------------------------------------------------ helpers

  String draft(long requested) {
    DraftContent content = new DraftContent("t", "a", List.of(), requested, List.of(new BudgetLine("x", requested)),
        new PersonInput("120101198004135929", "Zhang", ORG, null), List.of(), List.of(), null, null, List.of());
    return service.createDraft(new CreateDraftCommand(APPLICANT, "prg-1", null, content)).block().id();
  }

  SubmitCommand submit(String id, String key, String version) {
    return new SubmitCommand(APPLICANT, id, key, true, version);
  }

  String underReviewReady(long requested) {
    String id = draft(requested);
    service.submit(submit(id, "k", "v1")).block();
    return id;
  }

  String underReview(long requested) {
    String id = underReviewReady(requested);
    service.screen(MANAGER, id, ExpectedVersion.any()).block();
    service.sendToReview(MANAGER, id, ExpectedVersion.any()).block();
    return id;
  }

  final class ListHolds implements Holds {
    @Override
    public Flux<Hold> concerning(String organisationCode, String personIdHash) {
      return Flux.fromIterable(holds);
    }

    @Override
    public Mono<Boolean> recordPlaced(Hold hold, String eventId) {
      return Mono.just(holds.add(hold));
    }

    @Override
    public Mono<Void> recordLifted(String holdId, HoldSubject t, String s, Instant at, String eventId) {
      return Mono.empty();
    }
  }

  static final class PlainPersonIds implements PersonIdProtection {
    @Override
    public String hash(String nationalId) {
      return ("hash:" + nationalId).hashCode() + "";
    }

    @Override
    public String mask(String nationalId) {
      return nationalId.substring(0, 4) + "*".repeat(10) + nationalId.substring(14);
    }
  }

  static final class NoChallenges implements Challenges {
    @Override
    public Mono<org.fundflow.intake.domain.Challenge> find(String id) {
      return Mono.empty();
    }

    @Override
    public Flux<org.fundflow.intake.domain.Challenge> listByProgram(String programId) {
      return Flux.empty();
    }

    @Override
    public Mono<Void> create(org.fundflow.intake.domain.Challenge c, List<IntakeEvent> e) {
      return Mono.empty();
    }
  }

  static final class FakePrograms implements Programs {
    final Program program = Program.draft("prg-1", new ProgramTerms("p", ProgramKind.GENERAL, 10_000, 5_000,
        new CallWindow(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS)), new FundingSplit(60, 40), null), NOW)
        .open(NOW).next();
    long committed;
    final Map<String, Long> commitments = new ConcurrentHashMap<>();

    @Override
    public Mono<Program> find(String id) {
      return Mono.just(program.atVersion(1));
    }

    @Override
    public Flux<Program> list(String afterId, int limit, boolean publishedOnly) {
      return Flux.just(program);
    }

    @Override
    public Mono<Boolean> returnAwardRemainder(String programId, String projectId, long remainderFen) {
      return Mono.just(false);
    }

    @Override
    public Mono<Program> save(Program p, List<IntakeEvent> e) {
      return Mono.just(p.atVersion(p.version() + 1));
    }

    @Override
    public synchronized Mono<Reservation> reserve(String programId, long budgetFen, String proposalId, long amountFen,
        Instant reservedAt) {
      if (commitments.containsKey(proposalId)) {
        return Mono.just(Reservation.ALREADY_RESERVED);
      }
      if (committed + amountFen > budgetFen) {
        return Mono.just(Reservation.INSUFFICIENT_BUDGET);
      }
      committed += amountFen;
      commitments.put(proposalId, amountFen);
      return Mono.just(Reservation.RESERVED);
    }

    @Override
    public synchronized Mono<Void> release(String programId, String proposalId) {
      Long amount = commitments.remove(proposalId);
      if (amount != null) {
        committed -= amount;
      }
      return Mono.empty();
    }

    @Override
    public Flux<PendingReservation> pendingBefore(Instant cutoff) {
      return Flux.empty();
    }

    @Override
    public synchronized Mono<Boolean> releaseAbandoned(PendingReservation reservation) {
      if (!Long.valueOf(reservation.amountFen()).equals(commitments.get(reservation.proposalId()))) {
        return Mono.just(false);
      }
      commitments.remove(reservation.proposalId());
      committed -= reservation.amountFen();
      return Mono.just(true);
    }

    @Override
    public Mono<Boolean> confirm(PendingReservation reservation) {
      return Mono.just(commitments.containsKey(reservation.proposalId()));
    }
  }

  static final class FakeProposals implements Proposals {
    final Map<String, Proposal> docs = new ConcurrentHashMap<>();
    final List<IntakeEvent> events = new ArrayList<>();
    final AtomicBoolean failNextSaveForever = new AtomicBoolean();
    /** Runs once before the next save, which then finds the proposal changed (a concurrent writer). */
    final AtomicReference<Runnable> beforeNextSave = new AtomicReference<>();

    @Override
    public Mono<Proposal> find(String id) {
      return Mono.justOrEmpty(docs.get(id));
    }

    @Override
    public Flux<Proposal> list(Filter filter) {
      return Flux.fromIterable(docs.values());
    }

    @Override
    public Mono<Proposal> save(Proposal p, List<IntakeEvent> e) {
      return Mono.defer(() -> {
        if (failNextSaveForever.get()) {
          return Mono.error(new ConcurrentChange("changed"));
        }
        Runnable concurrent = beforeNextSave.getAndSet(null);
        if (concurrent != null) {
          concurrent.run();
        }
        Proposal current = docs.get(p.id());
        if (p.version() == 0 ? current != null : current == null || current.version() != p.version()) {
          return Mono.error(new ConcurrentChange("changed"));
        }
        Proposal stored = p.atVersion(p.version() + 1);
        docs.put(p.id(), stored);
        events.addAll(e);
        return Mono.just(stored);
      });
    }

    @Override
    public Mono<Void> delete(String id, long expectedVersion) {
      docs.remove(id);
      return Mono.empty();
    }
  }
}
