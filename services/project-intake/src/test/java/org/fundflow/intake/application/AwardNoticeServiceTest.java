package org.fundflow.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundflow.intake.application.ProposalServiceTest.FakePrograms;
import org.fundflow.intake.application.ProposalServiceTest.FakeProposals;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase.DecideObjectionCommand;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase.LodgeObjectionCommand;
import org.fundflow.intake.application.port.in.DecisionUseCase.AwardCommand;
import org.fundflow.intake.application.port.in.ProposalUseCase.CreateDraftCommand;
import org.fundflow.intake.application.port.in.ProposalUseCase.DraftContent;
import org.fundflow.intake.application.port.in.ProposalUseCase.PersonInput;
import org.fundflow.intake.application.port.in.ProposalUseCase.SubmitCommand;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.AwardNotices;
import org.fundflow.intake.application.service.AwardNoticeService;
import org.fundflow.intake.application.service.ProposalService;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.NoticePeriod;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.test.MovableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The public notice's use cases with in-memory fakes and a clock the test moves (issue 17 point 2). */
class AwardNoticeServiceTest {

  static final Instant NOW = ProposalServiceTest.NOW;
  static final Viewer APPLICANT = ProposalServiceTest.APPLICANT;
  static final Viewer MANAGER = ProposalServiceTest.MANAGER;
  static final Viewer CITIZEN = Viewer.applicant("citizen-1", "Wang", "9112000089F2XW550E", "Other Org");

  final FakePrograms programs = new FakePrograms();
  final FakeProposals proposals = new FakeProposals();
  final AtomicInteger ids = new AtomicInteger();
  final MovableClock clock = new MovableClock(NOW);
  final ProposalService proposalService = new ProposalService(proposals, programs,
      new ProposalServiceTest.NoChallenges(), new NoHolds(), new ProposalServiceTest.PlainPersonIds(),
      prefix -> prefix + "-" + ids.incrementAndGet(), clock, org.fundflow.intake.application.port.out.ProposalFiles.NONE,
      NoticePeriod.SEVEN_CALENDAR_DAYS);
  final AwardNoticeService notices = new AwardNoticeService(proposals, programs, new FakeNotices(),
      prefix -> prefix + "-" + ids.incrementAndGet(), clock);

  @Test
  void givenAwardUnderNotice_whenObjectionUpheld_thenWithdrawnAndItsAmountReturnedExactlyOnce() {
    String id = awardedUnderNotice(3_000);
    assertThat(programs.committed).isEqualTo(3_000);

    var lodged = notices.lodge(new LodgeObjectionCommand(CITIZEN, id, "the results were published in 2024")).block();
    Proposal withdrawn = notices.decide(new DecideObjectionCommand(MANAGER, id,
        lodged.objection().objectionId(), true, "confirmed: prior publication", ExpectedVersion.any())).block();

    assertThat(withdrawn.status()).isEqualTo(ProposalStatus.AWARD_WITHDRAWN);
    assertThat(programs.committed).isZero();
    // the award-withdrawn event delivered (and redelivered) to intake's own consumer changes nothing more
    var again = new AwardNoticeUseCase.AwardWithdrawn("prg-1", id, 3_000);
    assertThat(notices.returnWithdrawn(again).block()).isFalse();
    assertThat(notices.returnWithdrawn(again).block()).isFalse();
    assertThat(programs.committed).isZero();
    assertThat(proposals.events).noneMatch(IntakeEvent.ProposalAwarded.class::isInstance);
  }

  @Test
  void givenNoticeEnded_whenSweptTwice_thenFinalOnceWithOneProposalAwarded() {
    String id = awardedUnderNotice(1_000);
    assertThat(notices.finaliseDue().block()).isZero();

    clock.set(proposals.find(id).block().notice().endsAt());
    assertThat(notices.finaliseDue().block()).isEqualTo(1);
    assertThat(notices.finaliseDue().block()).isZero();

    assertThat(proposals.find(id).block().status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(proposals.events).filteredOn(IntakeEvent.ProposalAwarded.class::isInstance).hasSize(1);
    assertThat(programs.committed).as("the award keeps its commitment").isEqualTo(1_000);
  }

  @Test
  void givenObjectionPendingAtTheEnd_whenSwept_thenUnderNoticeUntilDismissed() {
    String id = awardedUnderNotice(1_000);
    var lodged = notices.lodge(new LodgeObjectionCommand(CITIZEN, id, "reasons")).block();
    clock.set(lodged.proposal().notice().endsAt().plusSeconds(5));

    assertThat(notices.finaliseDue().block()).isZero();
    assertThat(proposals.find(id).block().status()).isEqualTo(ProposalStatus.UNDER_NOTICE);

    Proposal decided = notices.decide(new DecideObjectionCommand(MANAGER, id,
        lodged.objection().objectionId(), false, "unfounded", ExpectedVersion.any())).block();
    assertThat(decided.status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(programs.committed).isEqualTo(1_000);
  }

  // ------------------------------------------------------------------ helpers

  String awardedUnderNotice(long amount) {
    DraftContent content = new DraftContent("t", "a", List.of(), amount, List.of(new BudgetLine("x", amount)),
        new PersonInput("120101198004135929", "Zhang", ProposalServiceTest.ORG, null), List.of(), List.of(), null,
        null, List.of());
    String id = proposalService.createDraft(new CreateDraftCommand(APPLICANT, "prg-1", null, content)).block().id();
    proposalService.submit(new SubmitCommand(APPLICANT, id, "k", true, "v1")).block();
    proposalService.screen(MANAGER, id, ExpectedVersion.any()).block();
    proposalService.sendToReview(MANAGER, id, ExpectedVersion.any()).block();
    Proposal awarded = proposalService.award(new AwardCommand(MANAGER, id, amount, ExpectedVersion.any()))
        .block();
    assertThat(awarded.status()).isEqualTo(ProposalStatus.UNDER_NOTICE);
    return id;
  }

  final class FakeNotices implements AwardNotices {
    @Override
    public Flux<String> endedBy(Instant now, int limit) {
      return Flux.fromIterable(proposals.docs.values())
          .filter(p -> p.status() == ProposalStatus.UNDER_NOTICE && !p.notice().endsAt().isAfter(now))
          .map(Proposal::id);
    }

    @Override
    public Flux<Proposal> underNotice(String afterId, int limit) {
      return Flux.fromIterable(proposals.docs.values())
          .filter(p -> p.status() == ProposalStatus.UNDER_NOTICE);
    }
  }

  static final class NoHolds implements org.fundflow.intake.application.port.out.Holds {
    @Override
    public Flux<org.fundflow.intake.domain.Hold> concerning(String organisationCode, String personIdHash) {
      return Flux.empty();
    }

    @Override
    public reactor.core.publisher.Mono<Boolean> recordPlaced(org.fundflow.intake.domain.Hold hold, String eventId) {
      return reactor.core.publisher.Mono.just(true);
    }

    @Override
    public reactor.core.publisher.Mono<Void> recordLifted(String holdId, org.fundflow.intake.domain.HoldSubject t,
        String s, Instant at, String eventId) {
      return reactor.core.publisher.Mono.empty();
    }
  }

}
