package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.fundflow.subsidy.adapter.out.kafka.RecoveryMessages;
import org.junit.jupiter.api.Test;

/** 追回: the recovery order's rules (issue 17 point 4). */
class RecoveryOrderTest {

  static final Instant T0 = Instant.parse("2028-10-09T02:00:05Z");

  RecoveryOrder open(Long officerAmount, long released) {
    return RecoveryOrder.open("case-1", "prj-1", "prg-1", "91120112MNH91HTMX6", officerAmount, released, T0)
        .orElseThrow().next();
  }

  @Test
  void opensForWhatWasReleased_orTheOfficersAmount_orNotAtAllWhenNothingIsOwed() {
    assertThat(open(null, 660_000L).amountFen()).isEqualTo(660_000L);
    assertThat(open(777L, 660_000L).amountFen()).isEqualTo(777L);
    assertThat(open(777L, 660_000L).basis()).isEqualTo(RecoveryOrder.Basis.SET_BY_OFFICER);
    assertThat(RecoveryOrder.open("c", "p", "g", "o", null, 0, T0)).isEmpty();
    assertThat(open(null, 1).id()).isEqualTo("rcv-prj-1");
  }

  @Test
  void repaidExactlyToTheFen_approvedBySomeoneElse_once() {
    RecoveryOrder o = open(null, 660_000L);
    assertThatThrownBy(() -> o.record(RecoveryOrder.Outcome.REPAID, 659_999L, "BOC-1", "n", "olga", T0))
        .isInstanceOf(RecoveryRefused.class).hasMessageContaining("exactly 660000 fen");
    RecoveryOrder recorded = o.record(RecoveryOrder.Outcome.REPAID, 660_000L, "BOC-1", "n", "olga", T0).next();
    assertThatThrownBy(() -> recorded.approve("olga", T0)).hasMessageContaining("another finance user");
    var approved = recorded.approve("bob", T0);
    assertThat(approved.next().status()).isEqualTo(RecoveryOrder.RecoveryStatus.REPAID);
    assertThat(approved.events()).singleElement().isInstanceOf(RecoveryEvent.Settled.class);
    assertThat(RecoveryMessages.toMessage(approved.events().get(0)).type())
        .isEqualTo(RecoveryMessages.RECOVERY_SETTLED);
    assertThatThrownBy(() -> approved.next().approve("carol", T0)).hasMessageContaining("REPAID");
  }

  @Test
  void aRefusedRecordIsOpenAgain_aWriteOffNeedsNoReference() {
    RecoveryOrder recorded = open(null, 10L).record(RecoveryOrder.Outcome.WRITTEN_OFF, null, null, "企业已注销", "olga", T0)
        .next();
    RecoveryOrder again = recorded.refuse("缺少注销证明", "bob", T0).next();
    assertThat(again.status()).isEqualTo(RecoveryOrder.RecoveryStatus.OPEN);
    assertThat(again.history()).hasSize(3);
  }
}
