package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;

/**
 * PAID_WHILE_LISTED_OR_HELD v1 — the last line: money went to an organisation that, at the time of the release,
 * had a hold in force here, or an entry of the dishonesty list (imported by then) in force whose hold an officer
 * had not lifted by then. Holds stop payments
 * upstream; this rule catches what got through anyway (e.g. a release in the hold's propagation window) so an
 * officer can act. CRITICAL, one flag per disbursement (the id is derived from it), naming the payment.
 */
public final class PaidWhileListedOrHeldRule {

  public static final RuleRef RULE = RuleRef.PAID_WHILE_LISTED_OR_HELD;

  /** A released disbursement as integrity-check heard of it. */
  public record Payment(String eventId, String eventType, String disbursementId, String programId,
      String organisationCode, long amountFen, Instant releasedAt, String releasedBy, String paymentReference) {}

  public Optional<Flag> evaluate(Payment p, List<Hold> holdsOfPayee, List<DishonestyEntry> entriesImportedByThen,
      Instant now) {
    Subject payee = Subject.organisation(p.organisationCode());
    List<Hold> held = holdsOfPayee.stream().filter(h -> inForce(h, p.releasedAt())).toList();
    List<DishonestyEntry> listed = entriesImportedByThen.stream()
        .filter(e -> e.party().equals(payee) && e.activeAt(p.releasedAt()))
        .filter(e -> !clearedBefore(e, payee, holdsOfPayee, p.releasedAt())).toList();
    if (held.isEmpty() && listed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("disbursementId", p.disbursementId());
    values.put("programId", p.programId());
    values.put("amountFen", p.amountFen());
    values.put("releasedAt", p.releasedAt().toString());
    if (p.releasedBy() != null) {
      values.put("releasedBy", p.releasedBy());
    }
    if (p.paymentReference() != null) {
      values.put("paymentReference", p.paymentReference());
    }
    if (!held.isEmpty()) {
      values.put("holdIds", String.join(",", held.stream().map(Hold::holdId).toList()));
      values.put("holdPlacedAt", held.get(0).placedAt().toString());
    }
    if (!listed.isEmpty()) {
      values.put("listEntryIds", String.join(",", listed.stream().map(DishonestyEntry::entryId).toList()));
    }
    String why = (held.isEmpty() ? "" : "under integrity hold " + held.get(0).holdId()
        + " (placed " + held.get(0).placedAt() + ")")
        + (held.isEmpty() || listed.isEmpty() ? "" : " and ")
        + (listed.isEmpty() ? "" : "on the dishonesty list (" + listed.get(0).authority() + ", "
        + listed.get(0).sanction() + ")");
    Evidence evidence = new Evidence(p.eventId(), p.eventType(), "disbursement " + p.disbursementId() + " of "
        + p.amountFen() + " fen was released at " + p.releasedAt() + " to organisation " + p.organisationCode()
        + " while it was " + why + ": recover the payment", values);
    return Optional.of(new Flag(Ids.derived("flag", RULE.toString(), payee.key(), p.disbursementId()), RULE, payee,
        Severity.CRITICAL, List.of(evidence), now));
  }

  /**
   * An officer lifted the hold this listing placed (or dismissed its case) before the release: paying then is the
   * officer's decision, not a payment that slipped through.
   */
  static boolean clearedBefore(DishonestyEntry entry, Subject payee, List<Hold> holds, Instant at) {
    String holdId = DishonestyListRule.holdId(payee, entry);
    return holds.stream().anyMatch(h -> h.holdId().equals(holdId) && h.liftedAt() != null && !h.liftedAt().isAfter(at)
        && h.liftReason() != org.fundflow.integrity.domain.HoldLiftReason.EXPIRED);
  }

  /** The hold barred payments at that instant: placed by then, not ended, not lifted by then. */
  static boolean inForce(Hold h, Instant at) {
    return !h.startsAt().isAfter(at) && h.endsAt().isAfter(at) && (h.liftedAt() == null || h.liftedAt().isAfter(at));
  }
}
