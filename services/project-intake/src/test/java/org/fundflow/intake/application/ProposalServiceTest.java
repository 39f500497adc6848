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
import org.fundflow.intake.application.port.out.ProposalFiles;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.application.port.out.ReviewResults;
import org.fundflow.intake.application.service.ProposalService;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.FundingSplit;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.NoticePeriod;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.intake.domain.ReviewResult;
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

  /**
   * 立项评审 with a public notice (立项公示): the rank order is checked at the award decision that starts the notice;
   * an out-of-order award without a reason is refused before anything is reserved; with one, the award goes under
   * notice with the reason kept, and the reason is still there in proposal-awarded when the award becomes final. A
   * higher-ranked proposal under notice counts as decided.
   */
  @Test
  void givenReviewAndNoticePeriod_whenAwardedOutOfRankOrder_thenTheReasonIsRequiredAtTheDecisionAndKeptUntilFinal() {
    FakePrograms reviewedPrograms = new FakePrograms(null);
    FakeProposals store = new FakeProposals();
    MapReviews reviews = new MapReviews();
    ProposalService noticed = new ProposalService(store, reviewedPrograms, new NoChallenges(), new ListHolds(),
        new PlainPersonIds(), prefix -> prefix + "-" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC),
        ProposalFiles.NONE, NoticePeriod.SEVEN_CALENDAR_DAYS).withReviews(reviews);
    assertThat(reviewedPrograms.program.terms().reviewRequired()).isTrue();
    String lower = underReview(noticed, 1_000);
    String higher = underReview(noticed, 1_000);
    String third = underReview(noticed, 1_000);
    reviews.record(new ReviewResult(lower, "prg-1", "70.00", List.of(70, 70, 70), List.of(), "mean", 3, NOW), "e1").block();
    reviews.record(new ReviewResult(higher, "prg-1", "85.50", List.of(80, 86, 90), List.of(), "mean", 3, NOW), "e2").block();

    assertThatThrownBy(() -> noticed.award(new AwardCommand(MANAGER, third, 1_000, ExpectedVersion.any())).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("review-incomplete"));
    assertThatThrownBy(() -> noticed.award(new AwardCommand(MANAGER, lower, 1_000, ExpectedVersion.any())).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.slug()).isEqualTo("out-of-rank-order"));
    assertThat(reviewedPrograms.committed).as("nothing reserved by a refused award").isZero();

    Proposal underNotice = noticed.award(new AwardCommand(MANAGER, lower, 1_000, ExpectedVersion.any(),
        "  先行立项：配套资金已到位  ")).block();
    assertThat(underNotice.status()).isEqualTo(ProposalStatus.UNDER_NOTICE);
    assertThat(underNotice.outOfRankOrderReason()).isEqualTo("先行立项：配套资金已到位");
    assertThat(store.events).filteredOn(IntakeEvent.AwardNoticeStarted.class::isInstance).hasSize(1);
    assertThat(store.events).noneMatch(IntakeEvent.ProposalAwarded.class::isInstance);
    assertThat(reviewedPrograms.committed).isEqualTo(1_000);

    // the top one is in order: no reason needed, none recorded
    Proposal top = noticed.award(new AwardCommand(MANAGER, higher, 1_000, ExpectedVersion.any())).block();
    assertThat(top.status()).isEqualTo(ProposalStatus.UNDER_NOTICE);
    assertThat(top.outOfRankOrderReason()).isNull();

    // the notice ends with no objection: final, and proposal-awarded carries the reason given at the decision
    var finalised = underNotice.finaliseIfDue(reviewedPrograms.program, NOW.plus(9, ChronoUnit.DAYS));
    assertThat(finalised.next().status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(finalised.events()).singleElement().isInstanceOfSatisfying(IntakeEvent.ProposalAwarded.class,
        e -> assertThat(e.proposal().outOfRankOrderReason()).isEqualTo("先行立项：配套资金已到位"));
  }

  // ------------------------------------------------------------------ helpers

  String draft(long requested) {
    return draft(service, requested);
  }

  static String draft(ProposalService service, long requested) {
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
    return underReview(service, requested);
  }

  static String underReview(ProposalService service, long requested) {
    String id = draft(service, requested);
    service.submit(new SubmitCommand(APPLICANT, id, "k", true, "v1")).block();
    service.screen(MANAGER, id, ExpectedVersion.any()).block();
    service.sendToReview(MANAGER, id, ExpectedVersion.any()).block();
    return id;
  }

  /** The review scores heard from milestone-review, in memory. */
  static final class MapReviews implements ReviewResults {
    final Map<String, ReviewResult> byProposal = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> record(ReviewResult result, String eventId) {
      return Mono.just(byProposal.putIfAbsent(result.proposalId(), result) == null);
    }

    @Override
    public Mono<ReviewResult> find(String proposalId) {
      return Mono.justOrEmpty(byProposal.get(proposalId));
    }

    @Override
    public Flux<ReviewResult> ofProgram(String programId) {
      return Flux.fromIterable(byProposal.values()).filter(r -> r.programId().equals(programId));
    }
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
    final Program program;
    long committed;
    final Map<String, Long> commitments = new ConcurrentHashMap<>();

    FakePrograms() {
      this(org.fundflow.intake.domain.ExpertReview.off());
    }

    /** {@code review}: the program's expert review setting (null: the kind's default, on for GENERAL). */
    FakePrograms(org.fundflow.intake.domain.ExpertReview review) {
      this.program = Program.draft("prg-1", new ProgramTerms("p", ProgramKind.GENERAL, 10_000, 5_000,
          new CallWindow(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS)), new FundingSplit(60, 40), null,
          null, null, review), NOW).open(NOW).next();
    }

    @Override
    public Mono<Program> find(String id) {
      return Mono.just(program.atVersion(1));
    }

    @Override
    public Flux<Program> list(String afterId, int limit, boolean publishedOnly,
        org.fundflow.intake.domain.ProgramFilter filter) {
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

    final Map<String, Long> withdrawn = new ConcurrentHashMap<>();

    @Override
    public synchronized Mono<Boolean> returnWithdrawnAward(String programId, String proposalId, long amountFen) {
      if (withdrawn.containsKey(proposalId)) {
        return Mono.just(false);
      }
      if (!Long.valueOf(amountFen).equals(commitments.get(proposalId))) {
        return Mono.error(new IllegalStateException("no commitment"));
      }
      commitments.remove(proposalId);
      committed -= amountFen;
      withdrawn.put(proposalId, amountFen);
      return Mono.just(true);
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
