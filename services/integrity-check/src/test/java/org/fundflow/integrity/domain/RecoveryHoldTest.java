package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;
import org.junit.jupiter.api.Test;

/** 追回: the organisation stays held until it has repaid (issue 17 point 4). */
class RecoveryHoldTest {

  static final Subject ORG = Subject.organisation("91120112MNH91HTMX6");
  static final Instant T0 = Instant.parse("2028-10-09T02:00:05Z");

  IntegrityRecord opened() {
    var c = IntegrityRecord.empty(ORG).recoveryOpened("rcv-prj-1", "case-1", "prj-1", 84_000_000L, T0);
    assertThat(c.events()).singleElement().isInstanceOf(HoldPlaced.class);
    return c.next();
  }

  @Test
  void anOpenRecoveryHolds_once_notLiftableByAnOfficer_neverExpires() {
    IntegrityRecord r = opened();
    assertThat(r.onHold()).isTrue();
    assertThat(r.recoveryOpened("rcv-prj-1", "case-1", "prj-1", 84_000_000L, T0).events()).isEmpty();
    String holdId = IntegrityRecord.recoveryHoldId("rcv-prj-1");
    assertThatThrownBy(() -> r.liftByOfficer(holdId, "please", "officer", T0))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("until its recovery is repaid");
    assertThat(r.expireHolds(T0.plusSeconds(86_400L * 366 * 6)).events()).isEmpty();
  }

  @Test
  void repaidLiftsTheHold_writtenOffLeavesItToAnOfficer() {
    var repaid = opened().recoverySettled("rcv-prj-1", true, T0.plusSeconds(60));
    assertThat(repaid.events()).singleElement().isInstanceOfSatisfying(HoldLifted.class,
        e -> assertThat(e.reason()).isEqualTo(HoldLiftReason.RECOVERY_REPAID));
    assertThat(repaid.next().onHold()).isFalse();
    assertThat(repaid.next().recoverySettled("rcv-prj-1", true, T0).events()).isEmpty();

    var writtenOff = opened().recoverySettled("rcv-prj-1", false, T0.plusSeconds(60));
    assertThat(writtenOff.events()).isEmpty();
    assertThat(writtenOff.next().onHold()).isTrue();
    assertThat(writtenOff.next().liftByOfficer(IntegrityRecord.recoveryHoldId("rcv-prj-1"), "written off, sanction served",
        "officer", T0).events()).hasSize(1);
  }
}
