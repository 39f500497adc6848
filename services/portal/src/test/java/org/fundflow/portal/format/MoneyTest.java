package org.fundflow.portal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "123456789|¥1,234,567.89",
      "0|¥0.00",
      "1|¥0.01",
      "10|¥0.10",
      "100000000000|¥1,000,000,000.00",
      "-500|-¥5.00",
      "9223372036854775807|¥92,233,720,368,547,758.07"})
  void formatsFenAsYuanWithSeparators(long fen, String shown) {
    assertThat(Money.formatFen(fen)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1,234,567.89|123456789",
      "¥1,234,567.89|123456789",
      "￥ 1234567.8|123456780",
      "1234567|123456700",
      "0.01|1",
      "0.1|10",
      "１２３．４５|12345",
      "1，000|100000",
      "  42.5  |4250",
      // a value that a double turns into 0.30000000000000004 and 1.1499999: exact here
      "0.3|30",
      "1.15|115",
      "19999999.99|1999999999"})
  void parsesYuanToFenExactly(String typed, long fen) {
    assertThat(Money.parseYuanToFen(typed)).isEqualTo(fen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.234", "abc", "1e5", "-5", "+5", "1..2", ".5", "5.", "1 2 3 x", "0x10", "NaN", "Infinity"})
  void refusesWhatIsNotAnAmountInYuan(String typed) {
    assertThatThrownBy(() -> Money.parseYuanToFen(typed)).isInstanceOf(Money.InvalidAmount.class);
  }

  @Test
  void refusesEmptyZeroAndTooLarge() {
    assertThatThrownBy(() -> Money.parseYuanToFen(" ")).hasFieldOrPropertyWithValue("reason", "empty");
    assertThatThrownBy(() -> Money.parseYuanToFen(null)).hasFieldOrPropertyWithValue("reason", "empty");
    assertThatThrownBy(() -> Money.parseYuanToFen("0.00")).hasFieldOrPropertyWithValue("reason", "not-positive");
    assertThatThrownBy(() -> Money.parseYuanToFen("100000000000.01")).hasFieldOrPropertyWithValue("reason", "too-large");
    assertThat(Money.parseYuanToFen("100000000000")).isEqualTo(Money.MAX_FEN);
  }

  @Test
  void formattingAndParsingRoundTrip() {
    for (long fen : new long[] {1, 99, 100, 101, 123456789, 999999999999L}) {
      assertThat(Money.parseYuanToFen(Money.formatFen(fen))).isEqualTo(fen);
    }
  }
}
