package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.fundflow.integrity.domain.IntegrityEvent.CaseDecided;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;

/**
 * The integrity record of one subject (organisation or person): its flags, cases and holds. The
 * aggregate: every change of a subject's integrity state is one change of this record, so that a
 * flag and the hold it places, or a decision and the hold it places or lifts, are stored together.
 * Methods return the events of the change; the caller stores state and events atomically.
 */
public final class IntegrityRecord {

  private final Subject subject;
  private final long version;
  private final List<Flag> flags;
  private final List<IntegrityCase> cases;
  private final List<Hold> holds;

  public IntegrityRecord(Subject subject, long version, List<Flag> flags, List<IntegrityCase> cases, List<Hold> holds) {
    this.subject = subject;
    this.version = version;
    this.flags = new ArrayList<>(flags == null ? List.of() : flags);
    this.cases = new ArrayList<>(cases == null ? List.of() : cases);
    this.holds = new ArrayList<>(holds == null ? List.of() : holds);
  }

  public static IntegrityRecord empty(Subject subject) {
    return new IntegrityRecord(subject, 0, List.of(), List.of(), List.of());
  }

  public Subject subject() {
    return subject;
  }

  /** 0 for a record not stored yet. */
  public long version() {
    return version;
  }

  public List<Flag> flags() {
    return List.copyOf(flags);
  }

  public List<IntegrityCase> cases() {
    return List.copyOf(cases);
  }

  public List<Hold> holds() {
    return List.copyOf(holds);
  }

  public Optional<Flag> flag(String flagId) {
    return flags.stream().filter(f -> f.flagId().equals(flagId)).findFirst();
  }

  public Optional<Hold> hold(String holdId) {
    return holds.stream().filter(h -> h.holdId().equals(holdId)).findFirst();
  }

  public Optional<IntegrityCase> integrityCase(String caseId) {
    return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst();
  }

  /** The earliest end of an active hold: when the record next needs the expiry sweep. */
  public Optional<Instant> nextHoldExpiry() {
    return holds.stream().filter(Hold::active).map(Hold::endsAt).min(Comparator.naturalOrder());
  }

  public boolean onHold() {
    return holds.stream().anyMatch(Hold::active);
  }

  // ---------------------------------------------------------------- flags

  /** Raises a flag unless one with the same id exists (redelivered events raise nothing twice). */
  public List<IntegrityEvent> raise(Flag flag) {
    requireOwn(flag.subject());
    if (flag(flag.flagId()).isPresent()) {
      return List.of();
    }
    flags.add(flag);
    return List.of(new FlagRaised(flag));
  }

  /**
   * Raises a flag and at once places a hold (dishonesty list): no officer needed. If a hold with
   * the same id exists (the same list entry held this subject before), only the flag is raised.
   */
  public List<IntegrityEvent> raiseWithHold(Flag flag, String holdId, String reason, Instant endsAt) {
    List<IntegrityEvent> events = new ArrayList<>(raise(flag));
    if (hold(holdId).isEmpty() && endsAt.isAfter(flag.raisedAt())) {
      Hold hold = Hold.placed(holdId, subject, reason, null, flag.flagId(), flag.raisedAt(), endsAt,
          "rule/" + flag.rule().name() + "/v" + flag.rule().version(), flag.raisedAt());
      holds.add(hold);
      events.add(new HoldPlaced(hold));
    }
    return events;
  }

  // ---------------------------------------------------------------- cases

  public List<IntegrityEvent> openCase(String caseId, List<String> flagIds, String by, Instant at, String note,
      List<String> evidenceRefs) {
    if (flagIds == null || flagIds.isEmpty()) {
      throw IntegrityException.rule("case-without-flags", "a case is opened from at least one flag");
    }
    Severity severity = Severity.LOW;
    for (String id : Set.copyOf(flagIds)) {
      Flag f = flag(id).orElseThrow(() -> IntegrityException.rule("unknown-flag",
          "flag " + id + " is not a flag of " + subject.type() + " " + subject.id()));
      severity = Severity.max(severity, f.severity());
    }
    if (integrityCase(caseId).isPresent()) {
      return List.of();
    }
    cases.add(new IntegrityCase(caseId, subject, List.copyOf(new java.util.LinkedHashSet<>(flagIds)), CaseStatus.OPEN,
        severity, List.of(new CaseStep("OPENED", CaseStatus.OPEN, by, at, note, evidenceRefs)), null, List.of()));
    return List.of();
  }

  public List<IntegrityEvent> startInvestigation(String caseId, String by, Instant at, String note) {
    IntegrityCase c = requireCase(caseId);
    requireStatus(c, "start investigating", CaseStatus.OPEN);
    replace(c.with(CaseStatus.INVESTIGATING, new CaseStep("INVESTIGATION_STARTED", CaseStatus.INVESTIGATING, by, at,
        note, List.of()), null, null));
    return List.of();
  }

  public List<IntegrityEvent> addNote(String caseId, String by, Instant at, String note, List<String> evidenceRefs) {
    IntegrityCase c = requireCase(caseId);
    requireStatus(c, "add a note to", CaseStatus.OPEN, CaseStatus.INVESTIGATING);
    if ((note == null || note.isBlank()) && (evidenceRefs == null || evidenceRefs.isEmpty())) {
      throw IntegrityException.rule("empty-note", "a note needs a text or evidence references");
    }
    replace(c.with(c.status(), new CaseStep("NOTE_ADDED", c.status(), by, at, note, evidenceRefs), null, null));
    return List.of();
  }

  /** A precautionary hold while the case is investigated; a dismissal lifts it again. */
  public List<IntegrityEvent> placeInterimHold(String caseId, String holdId, String reason, Integer years,
      HoldPolicy policy, String by, Instant at) {
    IntegrityCase c = requireCase(caseId);
    requireStatus(c, "place an interim hold for", CaseStatus.INVESTIGATING);
    return placeCaseHold(c, CaseStatus.INVESTIGATING, "INTERIM_HOLD_PLACED", holdId, reason, years, policy, by, at);
  }

  /** Confirms the case; with {@code placeHold} a hold of the given years (1-5) or by severity. */
  public List<IntegrityEvent> confirm(String caseId, String reason, boolean placeHold, String holdId, Integer years,
      HoldPolicy policy, String by, Instant at) {
    IntegrityCase c = requireCase(caseId);
    requireStatus(c, "confirm", CaseStatus.INVESTIGATING);
    requireReason(reason);
    if (placeHold) {
      policy.endOf(at, c.severity(), years); // refuse a wrong period before anything changes
    }
    List<IntegrityEvent> events = new ArrayList<>();
    events.add(new CaseDecided(caseId, subject, CaseStatus.CONFIRMED, reason, c.flagIds(), by, at));
    replace(c.with(CaseStatus.CONFIRMED, new CaseStep("CONFIRMED", CaseStatus.CONFIRMED, by, at, reason, List.of()),
        reason, null));
    if (placeHold) {
      events.addAll(placeCaseHold(requireCase(caseId), CaseStatus.CONFIRMED, "HOLD_PLACED", holdId, reason, years,
          policy, by, at));
    }
    return events;
  }

  /** Dismisses the case and lifts every active hold it or its flags had placed. */
  public List<IntegrityEvent> dismiss(String caseId, String reason, String by, Instant at) {
    IntegrityCase c = requireCase(caseId);
    requireStatus(c, "dismiss", CaseStatus.INVESTIGATING);
    requireReason(reason);
    List<IntegrityEvent> events = new ArrayList<>();
    events.add(new CaseDecided(caseId, subject, CaseStatus.DISMISSED, reason, c.flagIds(), by, at));
    replace(c.with(CaseStatus.DISMISSED, new CaseStep("DISMISSED", CaseStatus.DISMISSED, by, at, reason, List.of()),
        reason, null));
    Predicate<Hold> placedByCase = h -> caseId.equals(h.caseId()) || (h.flagId() != null && c.flagIds().contains(h.flagId()));
    for (Hold h : List.copyOf(holds)) {
      if (h.active() && placedByCase.test(h)) {
        events.add(lift(h, HoldLiftReason.CASE_DISMISSED, "case " + caseId + " dismissed: " + reason, by, at));
      }
    }
    return events;
  }

  // ---------------------------------------------------------------- holds

  public List<IntegrityEvent> liftByOfficer(String holdId, String note, String by, Instant at) {
    Hold h = hold(holdId).orElseThrow(() -> IntegrityException.notFound("hold", holdId));
    if (!h.active()) {
      throw IntegrityException.holdAlreadyLifted("hold " + holdId + " was lifted already (" + h.liftReason() + ")");
    }
    requireReason(note);
    return List.of(lift(h, HoldLiftReason.LIFTED_BY_OFFICER, note, by, at));
  }

  /** Ends every active hold whose end date has come: hold-lifted with reason EXPIRED. */
  public List<IntegrityEvent> expireHolds(Instant now) {
    List<IntegrityEvent> events = new ArrayList<>();
    for (Hold h : List.copyOf(holds)) {
      if (h.dueToExpire(now)) {
        events.add(lift(h, HoldLiftReason.EXPIRED, "sanction period ended " + h.endsAt(), null, now));
      }
    }
    return events;
  }

  // ---------------------------------------------------------------- internals

  private List<IntegrityEvent> placeCaseHold(IntegrityCase c, CaseStatus status, String action, String holdId,
      String reason, Integer years, HoldPolicy policy, String by, Instant at) {
    if (hold(holdId).isPresent()) {
      return List.of();
    }
    Instant ends = policy.endOf(at, c.severity(), years);
    Hold hold = Hold.placed(holdId, subject, reason, c.caseId(), null, at, ends, by, at);
    holds.add(hold);
    replace(c.with(status, new CaseStep(action, status, by, at, "hold " + holdId + " until " + ends, List.of()), null,
        holdId));
    return List.of(new HoldPlaced(hold));
  }

  private HoldLifted lift(Hold h, HoldLiftReason reason, String note, String by, Instant at) {
    holds.set(holds.indexOf(h), h.lifted(reason, note, by, at));
    return new HoldLifted(h.holdId(), subject, reason, note, by, at);
  }

  private IntegrityCase requireCase(String caseId) {
    return integrityCase(caseId).orElseThrow(() -> IntegrityException.notFound("case", caseId));
  }

  private static void requireStatus(IntegrityCase c, String action, CaseStatus... allowed) {
    for (CaseStatus s : allowed) {
      if (c.status() == s) {
        return;
      }
    }
    throw IntegrityException.illegalTransition("cannot " + action + " case " + c.caseId() + " in status " + c.status()
        + " (allowed from " + java.util.Arrays.toString(allowed) + ")");
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw IntegrityException.rule("reason-required", "a reason is required");
    }
  }

  private void requireOwn(Subject s) {
    if (!subject.equals(s)) {
      throw new IllegalArgumentException("flag of " + s.key() + " added to record of " + subject.key());
    }
  }

  private void replace(IntegrityCase c) {
    for (int i = 0; i < cases.size(); i++) {
      if (cases.get(i).caseId().equals(c.caseId())) {
        cases.set(i, c);
        return;
      }
    }
    cases.add(c);
  }
}
