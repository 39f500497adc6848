package org.fundflow.integrity.domain.list;

import java.time.Instant;
import java.time.LocalDate;
import org.fundflow.integrity.domain.HoldPolicy;
import org.fundflow.integrity.domain.Subject;

/**
 * One record of the imported dishonesty list (严重失信名单): the responsible party (organisation
 * code, or a person as the keyed hash of the national ID with a masked form for display), the
 * misconduct, the sanction, the deciding authority, the legal basis and the sanction period
 * (end date inclusive; none = indefinite).
 */
public record DishonestyEntry(String entryId, Subject party, String partyName, String maskedPersonId,
    String misconduct, String sanction, String authority, String legalBasis, LocalDate effectiveDate,
    LocalDate endDate) {

  public boolean activeOn(LocalDate day) {
    return !day.isBefore(effectiveDate) && (endDate == null || !day.isAfter(endDate));
  }

  public boolean activeAt(Instant at) {
    return activeOn(at.atZone(HoldPolicy.ZONE).toLocalDate());
  }

  /** The instant the sanction ends (the start of the day after the end date, Asia/Shanghai), or null. */
  public Instant endsAt() {
    return endDate == null ? null : endDate.plusDays(1).atStartOfDay(HoldPolicy.ZONE).toInstant();
  }
}
