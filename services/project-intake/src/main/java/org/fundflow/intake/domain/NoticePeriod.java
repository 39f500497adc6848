package org.fundflow.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How long an award stays under public notice (立项公示) before it becomes final (issue 17 point 2).
 * A whole number of days counts calendar days in Asia/Shanghai: the notice ends at the end of the n-th calendar day
 * after the day of the award there (an award at 23:30 on 1 March with 7 days ends at 24:00 on 8 March, Shanghai
 * time), whatever the hour of the award. Any other length (tests: {@code PT2S}) ends exactly that long after the
 * award. Zero: no notice, the award is final at once.
 */
public record NoticePeriod(Duration length) {

  public static final ZoneId ZONE = CallWindow.ZONE;
  public static final NoticePeriod NONE = new NoticePeriod(Duration.ZERO);
  public static final NoticePeriod SEVEN_CALENDAR_DAYS = new NoticePeriod(Duration.ofDays(7));

  public NoticePeriod {
    if (length == null || length.isNegative()) {
      throw new IllegalArgumentException("the notice period must be zero or positive, not " + length);
    }
  }

  /** No notice: an award is final when it is made. */
  public boolean none() {
    return length.isZero();
  }

  /** When the notice of an award made at {@code awardedAt} ends (the first instant after it). */
  public Instant endFor(Instant awardedAt) {
    if (none()) {
      return awardedAt;
    }
    Duration day = Duration.ofDays(1);
    if (length.toNanos() % day.toNanos() == 0) {
      long days = length.toDays();
      return LocalDate.ofInstant(awardedAt, ZONE).plusDays(days + 1).atStartOfDay(ZONE).toInstant();
    }
    return awardedAt.plus(length);
  }
}
