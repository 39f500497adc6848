package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An integrity hold intake has heard of: while active, the subject may not submit nor be awarded. */
public record Hold(String holdId, HoldSubject subjectType, String subjectId, String reason, Instant startsAt,
    Instant endsAt, boolean lifted) {

  public boolean isActiveAt(Instant now) {
    return !lifted && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
  }

  /**
   * The last Asia/Shanghai day under the hold. {@code endsAt} is exclusive (integrity-check ends a sanction that
   * runs through 2029-12-31 at 2030-01-01T00:00 Shanghai), so the last day is the one just before it.
   */
  public LocalDate endDate() {
    return endsAt == null ? null : LocalDate.ofInstant(endsAt.minusNanos(1), CallWindow.ZONE);
  }
}
