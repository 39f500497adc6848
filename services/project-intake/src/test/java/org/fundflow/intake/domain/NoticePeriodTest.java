package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The end of an award's public notice: calendar days in Asia/Shanghai (issue 17 point 2). */
class NoticePeriodTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void givenAwardAt2330Shanghai_whenSevenDays_thenNoticeEndsAtTheEndOfTheSeventhCalendarDayAfterInShanghai() {
    // 23:30 on 1 March in Shanghai is still 15:30 UTC the same day; in UTC it would look like the same day's evening
    Instant awarded = shanghai("2027-03-01T23:30");
    assertThat(awarded).isEqualTo(Instant.parse("2027-03-01T15:30:00Z"));

    Instant ends = NoticePeriod.SEVEN_CALENDAR_DAYS.endFor(awarded);

    assertThat(ends).isEqualTo(shanghai("2027-03-09T00:00")).isEqualTo(Instant.parse("2027-03-08T16:00:00Z"));
  }

  @Test
  void givenAwardJustAfterMidnightShanghai_whenSevenDays_thenTheSameEndAsLateThatDay() {
    // 00:10 Shanghai is the previous day in UTC: the calendar day is Shanghai's, not UTC's
    Instant early = shanghai("2027-03-01T00:10");
    assertThat(early).isEqualTo(Instant.parse("2027-02-28T16:10:00Z"));

    assertThat(NoticePeriod.SEVEN_CALENDAR_DAYS.endFor(early))
        .isEqualTo(NoticePeriod.SEVEN_CALENDAR_DAYS.endFor(shanghai("2027-03-01T23:59:59")))
        .isEqualTo(shanghai("2027-03-09T00:00"));
  }

  @Test
  void givenTheDefault_thenSevenDaysAcrossAMonthEnd() {
    assertThat(new NoticePeriod(Duration.ofDays(7)).endFor(shanghai("2027-02-25T10:00")))
        .isEqualTo(shanghai("2027-03-05T00:00"));
  }

  @Test
  void givenZero_thenFinalAtOnce() {
    Instant at = Instant.parse("2027-03-01T10:00:00Z");
    assertThat(NoticePeriod.NONE.none()).isTrue();
    assertThat(new NoticePeriod(Duration.ZERO).endFor(at)).isEqualTo(at);
  }

  @Test
  void givenAPeriodThatIsNotWholeDays_thenItEndsExactlyThatLongAfter() {
    Instant at = Instant.parse("2027-03-01T10:00:00Z");
    assertThat(new NoticePeriod(Duration.ofSeconds(3)).endFor(at)).isEqualTo(at.plusSeconds(3));
    assertThat(new NoticePeriod(Duration.ofHours(36)).endFor(at)).isEqualTo(at.plusSeconds(36 * 3600));
  }

  @Test
  void givenANegativePeriod_thenRefused() {
    assertThatThrownBy(() -> new NoticePeriod(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
