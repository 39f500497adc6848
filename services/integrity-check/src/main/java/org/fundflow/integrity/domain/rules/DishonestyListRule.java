package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.HoldPolicy;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;

/**
 * DISHONESTY_LIST v1 (严重失信名单, joint punishment): an organisation or person with an entry of
 * the imported list in force on the day of the event applies (applicant, PI or team member of a
 * submitted proposal), reviews (expert or expert's organisation of an evaluation) or is about to
 * be paid (payee of a created disbursement). The flag is CRITICAL and places a hold at once,
 * until the end of the sanction (or for the configured years when the list gives no end).
 */
public final class DishonestyListRule {

  public static final RuleRef RULE = RuleRef.DISHONESTY_LIST;

  /** A party of an event, in the role it played there. */
  public record Party(Subject subject, String role) {}

  /** The event the parties took part in. */
  public record Occurrence(String eventId, String eventType, String description, Instant at, Map<String, Object> values) {}

  /** A flag and the hold it places. */
  public record Match(Flag flag, String holdId, String holdReason, Instant holdEndsAt) {}

  private final int yearsWithoutEnd;

  public DishonestyListRule(int yearsWithoutEnd) {
    this.yearsWithoutEnd = yearsWithoutEnd;
  }

  public List<Match> evaluate(Occurrence occurrence, Party party, List<DishonestyEntry> entriesOfParty, Instant now) {
    List<Match> matches = new ArrayList<>();
    for (DishonestyEntry entry : entriesOfParty) {
      if (!entry.party().equals(party.subject()) || !entry.activeAt(occurrence.at())) {
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>(occurrence.values());
      values.put("role", party.role());
      values.put("listEntryId", entry.entryId());
      values.put("misconduct", entry.misconduct());
      values.put("sanction", entry.sanction());
      values.put("authority", entry.authority());
      values.put("legalBasis", entry.legalBasis());
      values.put("effectiveDate", entry.effectiveDate().toString());
      values.put("endDate", entry.endDate() == null ? "indefinite" : entry.endDate().toString());
      Evidence evidence = new Evidence(occurrence.eventId(), occurrence.eventType(),
          occurrence.description() + ": " + party.role() + " is on the dishonesty list (" + entry.authority() + ", "
              + entry.sanction() + ")", values);
      Flag flag = new Flag(Ids.derived("flag", RULE.toString(), party.subject().key(), occurrence.eventId(),
          entry.entryId()), RULE, party.subject(), Severity.CRITICAL, List.of(evidence), now);
      Instant ends = entry.endsAt() != null ? entry.endsAt()
          : now.atZone(HoldPolicy.ZONE).plusYears(yearsWithoutEnd).toInstant();
      matches.add(new Match(flag, Ids.derived("hold", RULE.toString(), party.subject().key(), entry.entryId()),
          "on the dishonesty list: " + entry.misconduct() + " — " + entry.sanction() + " (" + entry.authority() + ", "
              + entry.legalBasis() + ")", ends));
    }
    return matches;
  }
}
