package org.fundflow.portal.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The formatting the templates use as {@code @fmt}: yuan, Beijing time, the time left to a deadline. */
@Component("fmt")
public class ViewFormat {

  private final MessageSource messages;
  private final Clock clock;

  public ViewFormat(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  public String yuan(Long fen) {
    return fen == null ? "" : Money.formatFen(fen);
  }

  public String dateTime(Instant instant) {
    return Times.dateTime(instant);
  }

  public String dateTime(LocalDateTime shanghaiLocal) {
    return Times.dateTime(shanghaiLocal);
  }

  public String date(LocalDate date) {
    return Times.date(date);
  }

  /** "还剩 3 天 4 小时" / "3 days 4 hours left", or "已截止" / "closed". */
  public String remaining(Instant until, Locale locale) {
    if (until == null) {
      return "";
    }
    Times.Remaining left = Times.remaining(until, clock);
    if (left.over()) {
      return messages.getMessage("time.over", null, locale);
    }
    if (left.days() > 0) {
      return messages.getMessage("time.left.days", new Object[] {left.days(), left.hours()}, locale);
    }
    return messages.getMessage("time.left.hours", new Object[] {left.hours(), left.minutes()}, locale);
  }

  /** The time left until the end of a deadline day (Asia/Shanghai). */
  public String remainingUntilEndOf(LocalDate day, Locale locale) {
    return day == null ? "" : remaining(Times.endOfDay(day), locale);
  }

  /** Whether a call window is open now (for the badge only: the service decides on submission). */
  public boolean isWithin(Instant from, Instant until) {
    Instant now = clock.instant();
    return from != null && until != null && !now.isBefore(from) && now.isBefore(until);
  }
}
