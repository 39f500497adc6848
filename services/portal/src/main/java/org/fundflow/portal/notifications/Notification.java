package org.fundflow.portal.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in one inbox (collection {@code notifications} of fundflow_portal): made from the event
 * {@code eventId} for {@code recipient} (unique together: an event delivered twice makes one notification per
 * inbox). {@code readBy}: the users (token subjects) who have read it; {@code mailedTo}: who was sent its e-mail.
 */
@Document("notifications")
public record Notification(
    @Id String id,
    String eventId,
    String recipient,
    NotificationKind kind,
    Map<String, String> details,
    Instant occurredAt,
    Instant createdAt,
    List<String> readBy,
    List<String> mailedTo) {

  public Notification {
    details = details == null ? Map.of() : Map.copyOf(details);
    readBy = readBy == null ? List.of() : List.copyOf(readBy);
    mailedTo = mailedTo == null ? List.of() : List.copyOf(mailedTo);
  }

  public static Notification of(String eventId, String recipient, NotificationKind kind, Map<String, String> details,
      Instant occurredAt, Instant createdAt) {
    return new Notification(null, eventId, recipient, kind, details, occurredAt, createdAt, List.of(), List.of());
  }

  public boolean readBy(String subject) {
    return readBy.contains(subject);
  }
}
