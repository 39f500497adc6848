package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An integrity hold intake has heard of: while active, the subject may not submit nor be awarded. */
public record Hold(String holdId, HoldSubject subjectType, String subjectId, String reason, Instant startsAt,
    Instant endsAt, boolean lifted) {

  public boolean isActiveAt(Instant now) {
    return !lifted && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
  }

  /**
   * Refuses what a proposal's applicant would {@code action} (submit, be awarded) while a hold is active at {@code now}
   * on its organisation or on its principal investigator; the hold that ends last is named, with its end date.
   */
  static void refuseIfHeld(List<Hold> holds, String organisationCode, TeamMember principalInvestigator, Instant now,
      String action) {
    Optional<Hold> active = holds == null ? Optional.empty() : holds.stream()
        .filter(h -> h.isActiveAt(now))
        .filter(h -> h.concerns(organisationCode, principalInvestigator))
        .max(Comparator.comparing(Hold::endsAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (active.isPresent()) {
      Hold hold = active.get();
      String who = hold.subjectType() == HoldSubject.ORGANISATION ? "organisation " + organisationCode
          : "the principal investigator";
      String until = hold.endDate() == null ? "until further notice" : "until " + hold.endDate();
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("holdId", hold.holdId());
      props.put("subjectType", hold.subjectType().name());
      props.put("holdEndsAt", hold.endsAt() == null ? null : hold.endsAt().toString());
      props.put("holdEndDate", hold.endDate() == null ? null : hold.endDate().toString());
      throw IntakeRefusal.rule("integrity-hold", "Under an integrity hold",
          "cannot " + action + ": " + who + " is under an integrity hold " + until + " (Asia/Shanghai)", props);
    }
  }

  private boolean concerns(String organisationCode, TeamMember principalInvestigator) {
    if (subjectType == HoldSubject.ORGANISATION) {
      return subjectId.equals(organisationCode);
    }
    return principalInvestigator != null && subjectId.equals(principalInvestigator.personIdHash());
  }

  /**
   * The last Asia/Shanghai day under the hold. {@code endsAt} is exclusive (integrity-check ends a sanction that
   * runs through 2029-12-31 at 2030-01-01T00:00 Shanghai), so the last day is the one just before it.
   */
  public LocalDate endDate() {
    return endsAt == null ? null : LocalDate.ofInstant(endsAt.minusNanos(1), CallWindow.ZONE);
  }
}
