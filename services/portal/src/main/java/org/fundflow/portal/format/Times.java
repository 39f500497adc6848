package org.fundflow.portal.format;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as people in the district read them: always Asia/Shanghai, whatever the server's zone. */
public final class Times {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private Times() {}

  /** {@code 2026-12-06T12:00:00Z} → {@code 2026-12-06 20:00} (Beijing time). */
  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
  }

  public static String dateTime(LocalDateTime shanghaiLocal) {
    return shanghaiLocal == null ? "" : DATE_TIME.format(shanghaiLocal);
  }

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** The end of a deadline day in Asia/Shanghai: a challenge's deadline date is open until 24:00 Beijing time. */
  public static Instant endOfDay(LocalDate date) {
    return date.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** What is left until {@code until}, as whole days and hours; {@link Remaining#over()} once it has passed. */
  public static Remaining remaining(Instant until, Clock clock) {
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      return new Remaining(true, 0, 0, 0);
    }
    return new Remaining(false, left.toDays(), left.toHoursPart(), left.toMinutesPart());
  }

  public record Remaining(boolean over, long days, int hours, int minutes) {}
}
