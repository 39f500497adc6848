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
      putListing(values, entry);
      Evidence evidence = new Evidence(occurrence.eventId(), occurrence.eventType(),
          occurrence.description() + ": " + party.role() + " is on the dishonesty list (" + entry.authority() + ", "
              + entry.sanction() + ")", values);
      Flag flag = new Flag(Ids.derived("flag", RULE.toString(), party.subject().key(), occurrence.eventId(),
          entry.entryId()), RULE, party.subject(), Severity.CRITICAL, List.of(evidence), now);
      Instant ends = entry.endsAt() != null ? entry.endsAt()
          : now.atZone(HoldPolicy.ZONE).plusYears(yearsWithoutEnd).toInstant();
      matches.add(new Match(flag, holdId(party.subject(), entry), holdReason(entry), ends));
    }
    return matches;
  }

  /**
   * A list import (or a later change of the list) screened against a party integrity-check already knows: when
   * the entry is in force now, the party is flagged CRITICAL and held at once, without waiting for its next
   * application, review or payment. The flag id is derived from the party and the entry (a re-import raises
   * nothing new) and the hold id is the one the event-driven match derives, so a party is held once per listing
   * period whichever way the match was found first.
   *
   * @param roles the roles the party was seen in (e.g. APPLICANT_ORGANISATION, EXPERT, PAYEE)
   * @param openDisbursements disbursements to the party not released yet
   */
  public java.util.Optional<Match> screen(DishonestyEntry entry, Subject party, List<String> roles,
      List<String> openDisbursements, String importedBy, Instant now) {
    if (!entry.party().equals(party) || !entry.activeAt(now)) {
      return java.util.Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("roles", String.join(",", roles));
    if (!openDisbursements.isEmpty()) {
      values.put("openDisbursementIds", String.join(",", openDisbursements));
    }
    values.put("importedBy", importedBy);
    putListing(values, entry);
    String awaiting = openDisbursements.isEmpty() ? "" : "; disbursements awaiting payment: "
        + String.join(", ", openDisbursements);
    Evidence evidence = new Evidence(null, null, "dishonesty list imported: known " + party.type().name().toLowerCase()
        + " (seen as " + String.join(", ", roles) + ") is on the list (" + entry.authority() + ", " + entry.sanction()
        + ")" + awaiting, values);
    Flag flag = new Flag(Ids.derived("flag", RULE.toString(), party.key(), "list-screening", entry.entryId()), RULE,
        party, Severity.CRITICAL, List.of(evidence), now);
    Instant ends = entry.endsAt() != null ? entry.endsAt()
        : now.atZone(HoldPolicy.ZONE).plusYears(yearsWithoutEnd).toInstant();
    return java.util.Optional.of(new Match(flag, holdId(party, entry), holdReason(entry), ends));
  }

  /** One hold per party and list entry (i.e. listing period). */
  public static String holdId(Subject party, DishonestyEntry entry) {
    return Ids.derived("hold", RULE.toString(), party.key(), entry.entryId());
  }

  private static String holdReason(DishonestyEntry entry) {
    return "on the dishonesty list: " + entry.misconduct() + " — " + entry.sanction() + " (" + entry.authority() + ", "
        + entry.legalBasis() + ")";
  }

  /** The listing a flag's evidence names: which entry, for what, by whom, on what basis, in force when. */
  private static void putListing(Map<String, Object> values, DishonestyEntry entry) {
    values.put("listEntryId", entry.entryId());
    values.put("misconduct", entry.misconduct());
    values.put("sanction", entry.sanction());
    values.put("authority", entry.authority());
    values.put("legalBasis", entry.legalBasis());
    values.put("effectiveDate", entry.effectiveDate().toString());
    values.put("endDate", entry.endDate() == null ? "indefinite" : entry.endDate().toString());
  }
}
