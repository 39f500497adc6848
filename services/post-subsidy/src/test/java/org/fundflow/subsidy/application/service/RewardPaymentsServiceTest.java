package org.fundflow.subsidy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.Origin;
import org.fundflow.subsidy.application.port.in.RewardPaymentsUseCase.RewardVerified;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.TriggerKind;
import org.junit.jupiter.api.Test;

/** Reward payments (issue 18 point 3) with in-memory fakes: once per organisation and achievement, holds honoured. */
class RewardPaymentsServiceTest {

  static final String ORG = "91120116LF5F9EW86A";
  InMemory.FakeDisbursements disbursements = new InMemory.FakeDisbursements();
  InMemory.FakeHolds holds = new InMemory.FakeHolds();
  RewardPaymentsService service = new RewardPaymentsService(disbursements, holds,
      Clock.fixed(Instant.parse("2026-12-05T06:30:00Z"), ZoneOffset.UTC));

  static RewardVerified verified(String claimId, String code, long fen, String eventId) {
    return new RewardVerified(claimId, "prg-rw", ORG, code, "国家高新技术企业认定", fen,
        new Origin(eventId, "fundflow.intake.reward-claim-verified.v1"));
  }

  @Test
  void givenAVerifiedReward_whenDeliveredAgainOrClaimedAgain_thenOneDisbursementOfTheTableAmount() {
    service.rewardVerified(verified("rwc-a", "NATIONAL_HIGH_TECH", 20_000_001, "e1")).block();
    service.rewardVerified(verified("rwc-a", "NATIONAL_HIGH_TECH", 20_000_001, "e1")).block();
    service.rewardVerified(verified("rwc-a", "NATIONAL_HIGH_TECH", 20_000_001, "e2")).block();
    service.rewardVerified(verified("rwc-b", "NATIONAL_HIGH_TECH", 99_000_000, "e3")).block();

    Disbursement d = disbursements.findById("rw-" + ORG + "-NATIONAL_HIGH_TECH").block();
    assertThat(d.amountFen()).isEqualTo(20_000_001);
    assertThat(d.claimId()).isEqualTo("rwc-a");
    assertThat(d.trigger().kind()).isEqualTo(TriggerKind.REWARD);
    assertThat(d.status()).isEqualTo(DisbursementStatus.CREATED);
    assertThat(d.explanation()).contains("NATIONAL_HIGH_TECH").contains("200,000.01");
    assertThat(d.explanationNote().code()).as("for the portal to say it in the reader's language").isEqualTo("reward");
    assertThat(d.explanationNote().args()).extracting(org.fundflow.subsidy.domain.Note.Arg::value)
        .containsExactly("NATIONAL_HIGH_TECH", "国家高新技术企业认定", "rwc-a", "20000001");
    assertThat(disbursements.findOpenByOrganisation(ORG).count().block()).isEqualTo(1);
  }

  @Test
  void givenAHeldOrganisation_whenItsRewardIsVerified_thenTheDisbursementWaitsOnHold() {
    holds.place(ORG, "hold-1").block();
    service.rewardVerified(verified("rwc-c", "GAZELLE", 10_000_000, "e4")).block();
    Disbursement d = disbursements.findById("rw-" + ORG + "-GAZELLE").block();
    assertThat(d.status()).isEqualTo(DisbursementStatus.ON_HOLD);
  }

  @Test
  void aRewardIsPositive() {
    assertThatThrownBy(() -> verified("rwc-d", "LEADING", 0, "e5")).isInstanceOf(IllegalArgumentException.class);
  }
}
