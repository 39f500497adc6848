package org.fundflow.portal.notifications;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.fundflow.portal.format.Money;
import org.fundflow.portal.format.Times;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of a notification in a language: the same on the page and in the e-mail. */
@Component
public class NotificationTexts {

  private final MessageSource messages;

  public NotificationTexts(MessageSource messages) {
    this.messages = messages;
  }

  public String text(Notification n, Locale locale) {
    Object[] args = n.kind().details().stream().map(name -> shown(name, n.details().get(name), locale)).toArray();
    return messages.getMessage(n.kind().messageKey(), args, locale);
  }

  public String title(Notification n, Locale locale) {
    return messages.getMessage(n.kind().messageKey() + ".title", null, locale);
  }

  private String shown(String name, String value, Locale locale) {
    if (value == null) {
      return "";
    }
    if (name.endsWith("Fen")) {
      return Money.formatFen(Long.parseLong(value));
    }
    if (name.endsWith("At") || name.endsWith("By")) {
      try {
        return Times.dateTime(Instant.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    if (name.equals("outcome") || name.equals("severity")) {
      return messages.getMessage("notification." + name + "." + value, null, value, locale);
    }
    return value;
  }
}
