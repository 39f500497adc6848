package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.domain.IntegrityEvent.HoldExpiring;
import org.junit.jupiter.api.Test;

/** Issue 16: a hold that ends by itself is announced once, the lead time before its end (times in UTC). */
class HoldExpiringTest {

  static final Subject ORG = Subject.organisation("91120112MNH91HTMX6");
  static final Instant T0 = Instant.parse("2028-10-09T02:00:05Z");
  static final Instant ENDS = T0.plus(Duration.ofDays(10));
  static final Duration LEAD = Duration.ofDays(3);

  static IntegrityRecord held() {
    Hold hold = Hold.placed("hold-1", ORG, "confirmed", "case-1", null, T0, ENDS, "officer-li", T0);
    return new IntegrityRecord(ORG, 1, List.of(), List.of(), List.of(hold), List.of());
  }

  @Test
  void beforeTheLeadTimeNothingIsAnnounced() {
    assertThat(held().announceExpiringHolds(ENDS.minus(LEAD).minusSeconds(1), LEAD).events()).isEmpty();
  }

  @Test
  void withinTheLeadTimeItIsAnnouncedOnceWithItsEnd() {
    Instant now = ENDS.minus(LEAD);
    var announced = held().announceExpiringHolds(now, LEAD);
    assertThat(announced.events()).singleElement().isInstanceOfSatisfying(HoldExpiring.class, e -> {
      assertThat(e.hold().holdId()).isEqualTo("hold-1");
      assertThat(e.hold().endsAt()).isEqualTo(ENDS);
      assertThat(e.announcedAt()).isEqualTo(now);
    });
    assertThat(announced.next().hold("hold-1").orElseThrow().expiryAnnouncedAt()).isEqualTo(now);
    // the next sweeps, up to the end: nothing more
    assertThat(announced.next().announceExpiringHolds(now.plusSeconds(60), LEAD).events()).isEmpty();
    assertThat(announced.next().announceExpiringHolds(ENDS.minusSeconds(1), LEAD).events()).isEmpty();
  }

  @Test
  void aLiftedOrEndedHoldIsNotAnnounced() {
    IntegrityRecord lifted = held().liftByOfficer("hold-1", "rectified", "officer-li", T0).next();
    assertThat(lifted.announceExpiringHolds(ENDS.minusSeconds(60), LEAD).events()).isEmpty();
    assertThat(held().announceExpiringHolds(ENDS, LEAD).events()).isEmpty();
  }

  @Test
  void anUnpaidRecoveryHoldNeverEndsSoIsNeverAnnounced() {
    IntegrityRecord r = IntegrityRecord.empty(ORG).recoveryOpened("rcv-prj-1", "case-1", "prj-1", 84_000_000L, T0)
        .next();
    Instant end = r.holds().get(0).endsAt();
    assertThat(r.announceExpiringHolds(end.minusSeconds(60), LEAD).events()).isEmpty();
  }
}
