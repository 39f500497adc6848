package org.fundflow.portal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void showsInstantsInBeijingTimeWhateverTheServerZone() {
    assertThat(Times.dateTime(Instant.parse("2026-12-06T16:30:00Z"))).isEqualTo("2026-12-07 00:30");
  }

  @Test
  void aDeadlineDayEndsAtMidnightBeijingTime() {
    assertThat(Times.endOfDay(LocalDate.parse("2026-12-31"))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
  }

  @Test
  void remainingTimeInDaysHoursAndOverOncePassed() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(Times.remaining(Instant.parse("2026-12-04T05:30:00Z"), clock)).isEqualTo(new Times.Remaining(false, 3, 5, 30));
    assertThat(Times.remaining(Instant.parse("2026-11-30T00:00:00Z"), clock).over()).isTrue();
  }
}
