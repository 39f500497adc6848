package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An integrity hold intake has heard of: while active, the subject may not submit nor be awarded. */
public record Hold(String holdId, HoldSubject subjectType, String subjectId, String reason, Instant startsAt,
    Instant endsAt, boolean lifted) {

  public boolean isActiveAt(Instant now) {
    return !lifted && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
  }

  public LocalDate endDate() {
    return endsAt == null ? null : LocalDate.ofInstant(endsAt, CallWindow.ZONE);
  }
}
