package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The voucher share (issue 18): contract x ratio, rounded DOWN to the fen, capped by the face value. */
class VoucherShareTest {

  @Test
  void givenShareBelowTheFaceValue_thenContractTimesRatio() {
    VoucherShare s = VoucherShare.of(8_000_000, 5000, 5_000_000);
    assertThat(s.shareFen()).isEqualTo(4_000_000);
    assertThat(s.enterpriseFen()).isEqualTo(4_000_000);
    assertThat(s.capped()).isFalse();
    assertThat(s.explanation()).isEqualTo(
        "contract 80,000.00 x 50% = 40,000.00: voucher pays 40,000.00, enterprise pays 40,000.00");
  }

  @Test
  void givenShareAboveTheFaceValue_thenCappedAndTheEnterprisePaysTheRest() {
    VoucherShare s = VoucherShare.of(8_000_000, 5000, 3_000_000);
    assertThat(s.shareFen()).isEqualTo(3_000_000);
    assertThat(s.enterpriseFen()).isEqualTo(5_000_000);
    assertThat(s.capped()).isTrue();
    assertThat(s.explanation()).contains("capped by the face value 30,000.00");
  }

  @Test
  void givenAFractionOfAFen_thenRoundedDownNeverUp() {
    // 1,234,567 x 0.3333 = 411,481.1811 fen -> 411,481
    assertThat(VoucherShare.of(1_234_567, 3333, 5_000_000).shareFen()).isEqualTo(411_481);
    // 3 x 0.5 = 1.5 fen -> 1 (HALF_UP would pay 2, HALF_EVEN 2)
    VoucherShare half = VoucherShare.of(3, 5000, 100);
    assertThat(half.shareFen()).isEqualTo(1);
    assertThat(half.enterpriseFen()).isEqualTo(2);
    assertThat(half.explanation()).contains("= 1.5 fen (DOWN to the fen: 0.01)");
    // 1 fen x 0.9999 = 0.9999 fen -> 0: the voucher pays nothing of a one-fen contract
    assertThat(VoucherShare.of(1, 9999, 100).shareFen()).isZero();
    // a ratio of 1 pays the whole contract up to the face value
    assertThat(VoucherShare.of(4_999_999, 10_000, 5_000_000).shareFen()).isEqualTo(4_999_999);
  }

  @Test
  void givenImpossibleInputs_thenRefused() {
    assertThatThrownBy(() -> VoucherShare.of(0, 5000, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoucherShare.of(100, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoucherShare.of(100, 10_001, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VoucherShare.of(100, 5000, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNoteCarriesTheExactProductAndTheParts_cappedOrNot() {
    assertThat(VoucherShare.of(3, 5000, 100).note("vch-1", "P")).isEqualTo(
        Note.of("voucher", "vch-1", "P", 3L, "50", new java.math.BigDecimal("1.5"), 1L, 2L));
    Note capped = VoucherShare.of(8_000_000, 5000, 3_000_000).note("vch-2", "P");
    assertThat(capped.code()).isEqualTo("voucher-capped");
    assertThat(capped.args()).extracting(Note.Arg::value)
        .containsExactly("vch-2", "P", "8000000", "50", "4000000", "3000000", "3000000", "5000000");
  }
}
