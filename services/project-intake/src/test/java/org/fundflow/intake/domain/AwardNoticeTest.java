package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

/** An award under public notice, its objections and when it becomes final (issue 17 point 2). */
class AwardNoticeTest {

  static final Instant NOW = Fixtures.NOW;
  static final NoticePeriod SEVEN_DAYS = NoticePeriod.SEVEN_CALENDAR_DAYS;
  final Program program = Fixtures.openGeneral(10_000, 5_000);

  Proposal underNotice() {
    return Fixtures.underReview(program, 800).award(700, program, "pm", NOW, SEVEN_DAYS).next();
  }

  static String slugOf(Throwable t) {
    return ((IntakeRefusal) t).slug();
  }

  @Test
  void givenANoticePeriod_whenAwarded_thenUnderNoticeWithNoticeStartedAndNoProjectYet() {
    Change<Proposal, IntakeEvent> award = Fixtures.underReview(program, 800).award(700, program, "pm", NOW, SEVEN_DAYS);

    assertThat(award.next().status()).isEqualTo(ProposalStatus.UNDER_NOTICE);
    assertThat(award.next().awardedAmountFen()).isEqualTo(700);
    assertThat(award.next().notice().endsAt()).isEqualTo(SEVEN_DAYS.endFor(NOW));
    assertThat(award.events()).singleElement().isInstanceOf(IntakeEvent.AwardNoticeStarted.class);
  }

  @Test
  void givenNoNoticePeriod_whenAwarded_thenFinalAtOnceAsBefore() {
    Change<Proposal, IntakeEvent> award = Fixtures.underReview(program, 800)
        .award(700, program, "pm", NOW, NoticePeriod.NONE);

    assertThat(award.next().status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(award.next().notice()).isNull();
    assertThat(award.events()).singleElement().isInstanceOf(IntakeEvent.ProposalAwarded.class);
  }

  @Test
  void givenNoticeRunning_whenSwept_thenNothingHappens() {
    Proposal p = underNotice();
    Change<Proposal, IntakeEvent> step = p.finaliseIfDue(program, p.notice().endsAt().minusMillis(1));
    assertThat(step.eventful()).isFalse();
    assertThat(step.next()).isSameAs(p);
  }

  @Test
  void givenNoticeEndedWithoutObjection_whenSwept_thenFinalAndProposalAwarded() {
    Proposal p = underNotice();
    Instant end = p.notice().endsAt();

    Change<Proposal, IntakeEvent> step = p.finaliseIfDue(program, end);

    assertThat(step.next().status()).isEqualTo(ProposalStatus.AWARDED);
    assertThat(step.next().notice().finalAt()).isEqualTo(end);
    assertThat(step.events()).singleElement().isInstanceOfSatisfying(IntakeEvent.ProposalAwarded.class,
        e -> assertThat(e.proposal().awardedAmountFen()).isEqualTo(700));
    assertThat(step.next().finaliseIfDue(program, end.plusSeconds(60)).eventful()).as("final once").isFalse();
  }

  @Test
  void givenObjectionPendingAtTheEnd_whenSwept_thenStillUnderNoticeUntilDecided() {
    Proposal p = underNotice().lodgeObjection("obj-1", "expert-1", null, "the same work was funded in 2025", NOW)
        .next();
    Instant afterEnd = p.notice().endsAt().plusSeconds(3600);

    assertThat(p.finaliseIfDue(program, afterEnd).eventful()).isFalse();

    Change<Proposal, IntakeEvent> dismissed = p.decideObjection("obj-1", false, "funded work differs", "pm", program,
        afterEnd);
    assertThat(dismissed.next().status()).as("final at once: ended, nothing pending").isEqualTo(ProposalStatus.AWARDED);
    assertThat(dismissed.events()).hasSize(2);
    assertThat(dismissed.events().get(0)).isInstanceOf(IntakeEvent.ObjectionDecided.class);
    assertThat(dismissed.events().get(1)).isInstanceOf(IntakeEvent.ProposalAwarded.class);
  }

  @Test
  void givenObjectionDismissedDuringTheNotice_thenStillUnderNotice() {
    Proposal p = underNotice().lodgeObjection("obj-1", "u1", null, "reasons", NOW).next();
    Change<Proposal, IntakeEvent> dismissed = p.decideObjection("obj-1", false, "unfounded", "pm", program, NOW);
    assertThat(dismissed.next().status()).isEqualTo(ProposalStatus.UNDER_NOTICE);
    assertThat(dismissed.next().notice().objection("obj-1").orElseThrow().status())
        .isEqualTo(Objection.Status.DISMISSED);
    assertThat(dismissed.events()).singleElement().isInstanceOf(IntakeEvent.ObjectionDecided.class);
  }

  @Test
  void givenObjectionUpheld_thenAwardWithdrawnWithTheReasonAndOthersClosed() {
    Proposal p = underNotice().lodgeObjection("obj-1", "u1", null, "plagiarised plan", NOW).next()
        .lodgeObjection("obj-2", "u2", null, "conflict of interest", NOW).next();

    Change<Proposal, IntakeEvent> upheld = p.decideObjection("obj-1", true, "the plan copies another", "pm", program,
        NOW.plusSeconds(10));

    Proposal withdrawn = upheld.next();
    assertThat(withdrawn.status()).isEqualTo(ProposalStatus.AWARD_WITHDRAWN);
    assertThat(withdrawn.awardedAmountFen()).as("kept: what is returned").isEqualTo(700);
    assertThat(withdrawn.notice().withdrawalReason()).isEqualTo("the plan copies another");
    assertThat(withdrawn.notice().objection("obj-2").orElseThrow().status()).isEqualTo(Objection.Status.CLOSED);
    assertThat(upheld.events()).hasSize(2);
    assertThat(upheld.events().get(1)).isInstanceOf(IntakeEvent.AwardWithdrawn.class);
    assertThat(withdrawn.finaliseIfDue(program, withdrawn.notice().endsAt()).eventful()).isFalse();
    assertThatThrownBy(() -> withdrawn.decideObjection("obj-2", false, "r", "pm", program, NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("illegal-transition"));
  }

  @Test
  void objectionsAreRefusedAfterTheEndWithoutReasonsFromTheOwnOrganisationAndTwicePending() {
    Proposal p = underNotice();
    Instant end = p.notice().endsAt();
    assertThatThrownBy(() -> p.lodgeObjection("o", "u", null, "r", end))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("notice-ended"));
    assertThatThrownBy(() -> p.lodgeObjection("o", "u", null, "  ", NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("reason-required"));
    assertThatThrownBy(() -> p.lodgeObjection("o", "u", Fixtures.ORG, "r", NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("own-award"));
    Proposal once = p.lodgeObjection("o1", "u", Fixtures.OTHER_ORG, "r", NOW).next();
    assertThatThrownBy(() -> once.lodgeObjection("o2", "u", Fixtures.OTHER_ORG, "r", NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("objection-pending"));
    assertThatThrownBy(() -> once.decideObjection("o1", true, " ", "pm", program, NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("reason-required"));
    assertThatThrownBy(() -> once.decideObjection("nope", true, "r", "pm", program, NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("not-found"));
  }

  @Test
  void givenAFinalAward_thenNoObjectionIsTaken() {
    Proposal finalAward = Fixtures.underReview(program, 800).award(700, program, "pm", NOW, NoticePeriod.NONE).next();
    assertThatThrownBy(() -> finalAward.lodgeObjection("o", "u", null, "r", NOW))
        .satisfies(t -> assertThat(slugOf(t)).isEqualTo("illegal-transition"));
  }

  @Test
  void givenAShortTestPeriod_thenItEndsExactlyThatLongAfter() {
    Proposal p = Fixtures.underReview(program, 800)
        .award(700, program, "pm", NOW, new NoticePeriod(Duration.ofSeconds(2))).next();
    assertThat(p.notice().endsAt()).isEqualTo(NOW.plusSeconds(2));
  }
}
