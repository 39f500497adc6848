package org.fundflow.subsidy.application.service;

import org.fundflow.platform.application.OrganisationHolds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Awarded;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ClaimVerified;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.HoldLifted;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.HoldPlaced;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.MilestoneAccepted;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Origin;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProjectTerminated;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.TrancheSchedule.Milestone;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ExternalEventsServiceTest {

  static final String ORG = "91120112MNH91HTMX6";

  InMemory.FakeDisbursements disbursements = new InMemory.FakeDisbursements();
  InMemory.FakeHolds holds = new InMemory.FakeHolds();
  ExternalEventsService service = new ExternalEventsService(disbursements, new InMemory.FakePrograms(),
      new InMemory.FakeProjects(), holds, Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));

  static Origin origin(String id) {
    return new Origin(id, "test");
  }

  void accept(String milestone, int sequence, int percent, boolean last) {
    service.milestoneAccepted(new MilestoneAccepted("p1", "prg", ProgramKind.CHALLENGE, milestone, sequence, percent,
        1_000_001, ORG, last, origin("acc-" + milestone))).block();
  }

  @Test
  void givenAChallengeAward_whenMilestonesAreAcceptedOutOfOrder_thenTheTranchesStillAddUp() {
    service.proposalAwarded(new Awarded("p1", "prg", ProgramKind.CHALLENGE, ORG, 1_000_001, null,
        List.of(new Milestone("m1", 1, 33), new Milestone("m2", 2, 33), new Milestone("m3", 3, 34)), origin("a")))
        .block();
    accept("m3", 3, 34, true);
    accept("m1", 1, 33, false);
    accept("m1", 1, 33, false);
    accept("m2", 2, 33, false);
    assertThat(disbursements.byId.values()).extracting(d -> d.amountFen()).containsExactly(340_001L, 330_000L, 330_000L);
  }

  @Test
  void givenOpenTranches_whenTheProjectIsTerminated_thenTheyAreCancelledAndLaterMilestonesPayNothing() {
    service.proposalAwarded(new Awarded("p1", "prg", ProgramKind.CHALLENGE, ORG, 1_000_001, null,
        List.of(new Milestone("m1", 1, 50), new Milestone("m2", 2, 50)), origin("a"))).block();
    accept("m1", 1, 50, false);
    service.projectTerminated(new ProjectTerminated("p1", "prg", ORG, "failed", origin("t"))).block();
    accept("m2", 2, 50, true);
    assertThat(disbursements.byId).containsOnlyKeys("tr-p1-m1");
    assertThat(disbursements.byId.get("tr-p1-m1").status()).isEqualTo(DisbursementStatus.CANCELLED);
    assertThat(disbursements.published).filteredOn(DisbursementEvent.Cancelled.class::isInstance).hasSize(1);
  }

  @Test
  void givenAHold_whenPlacedTwiceAndLifted_thenOneHeldEventAndBackToCreated() {
    service.claimVerified(new ClaimVerified("c1", "prg", ORG, true, 500, "x", origin("v"))).block();
    service.holdPlaced(new HoldPlaced("h1", ORG, "list", origin("h"))).block();
    service.holdPlaced(new HoldPlaced("h1", ORG, "list", origin("h"))).block();
    assertThat(disbursements.byId.get("ps-c1").status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(disbursements.published).filteredOn(DisbursementEvent.Held.class::isInstance).hasSize(1);
    service.holdLifted(new HoldLifted("h1", ORG, "LIFTED_BY_OFFICER", origin("l"))).block();
    assertThat(disbursements.byId.get("ps-c1").status()).isEqualTo(DisbursementStatus.CREATED);
  }

  @Test
  void givenSeveralOpenPayments_whenTheOrganisationIsHeld_thenEveryOneIsHeldOnceAndOtherOrganisationsPayOn() {
    for (int i = 1; i <= 9; i++) {
      service.claimVerified(new ClaimVerified("c" + i, "prg", ORG, true, 500, "x", origin("v" + i))).block();
    }
    service.claimVerified(new ClaimVerified("other", "prg", "91120116MA05KX7D3N", true, 500, "x", origin("vo"))).block();

    service.holdPlaced(new HoldPlaced("h1", ORG, "list", origin("h"))).block();

    for (int i = 1; i <= 9; i++) {
      assertThat(disbursements.byId.get("ps-c" + i).status()).as("ps-c" + i).isEqualTo(DisbursementStatus.ON_HOLD);
    }
    assertThat(disbursements.byId.get("ps-other").status()).isEqualTo(DisbursementStatus.CREATED);
    assertThat(disbursements.published).filteredOn(DisbursementEvent.Held.class::isInstance).hasSize(9);
  }

  @Test
  void givenARejectedOrZeroClaim_whenVerifiedEventArrives_thenNoDisbursement() {
    service.claimVerified(new ClaimVerified("c1", "prg", ORG, false, 0, "rejected", origin("v1"))).block();
    service.claimVerified(new ClaimVerified("c2", "prg", ORG, true, 0, "below minimum", origin("v2"))).block();
    assertThat(disbursements.byId).isEmpty();
  }

  /**
   * Holds as another consumer changes them: right after this service's first read of the organisation's hold,
   * {@code meanwhile} runs (a hold-placed or hold-lifted applied in full, sweep included, before the insert).
   */
  static OrganisationHolds changedAfterFirstRead(InMemory.FakeHolds holds, Runnable meanwhile) {
    return new OrganisationHolds() {
      private int reads;

      @Override
      public Mono<java.util.List<String>> activeHolds(String org) {
        return holds.activeHolds(org);
      }

      @Override
      public Mono<String> activeHold(String org) {
        Mono<String> seen = holds.activeHold(org);
        if (reads++ == 0) {
          meanwhile.run();
        }
        return seen;
      }

      @Override
      public Mono<Void> place(String org, String holdId) {
        return holds.place(org, holdId);
      }

      @Override
      public Mono<Boolean> lift(String org, String holdId) {
        return holds.lift(org, holdId);
      }
    };
  }

  /** A second service on the same stores whose reads of the holds see {@code meanwhile} happen after the first. */
  ExternalEventsService withHoldsChangedAfterFirstRead(Runnable meanwhile) {
    return new ExternalEventsService(disbursements, new InMemory.FakePrograms(), new InMemory.FakeProjects(),
        changedAfterFirstRead(holds, meanwhile), Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void givenAHoldPlacedWhileAPaymentIsBeingCreated_whenCreated_thenItIsHeldAnyway() {
    ExternalEventsService racing = withHoldsChangedAfterFirstRead(() -> service.holdPlaced(
        new HoldPlaced("h1", ORG, "list", origin("h"))).block());

    racing.claimVerified(new ClaimVerified("c1", "prg", ORG, true, 500, "x", origin("v"))).block();

    assertThat(disbursements.byId.get("ps-c1").status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(disbursements.published).filteredOn(DisbursementEvent.Held.class::isInstance).hasSize(1);
  }

  @Test
  void givenAHoldLiftedWhileAPaymentIsBeingCreated_whenCreated_thenItIsNotLeftOnHold() {
    holds.place(ORG, "h1").block();
    ExternalEventsService racing = withHoldsChangedAfterFirstRead(() -> service.holdLifted(
        new HoldLifted("h1", ORG, "LIFTED_BY_OFFICER", origin("l"))).block());

    racing.claimVerified(new ClaimVerified("c1", "prg", ORG, true, 500, "x", origin("v"))).block();

    assertThat(disbursements.byId.get("ps-c1").status()).isEqualTo(DisbursementStatus.CREATED);
  }
}
