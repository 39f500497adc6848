package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.fundflow.integrity.domain.IntegrityEvent.CaseDecided;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;
import org.fundflow.platform.domain.Change;

/**
 * The integrity record of one subject (organisation or person): its flags, cases and holds. The
 * aggregate: every change of a subject's integrity state is one change of this record, so that a
 * flag and the hold it places, or a decision and the hold it places or lifts, are stored together.
 * A case's own rules are {@link IntegrityCase}'s.
 *
 * <p>Immutable and read at a version (0 for a record not stored yet): every command returns a {@link Change} with
 * the next state (same version) and the events it caused; the caller stores both atomically.
 */
public record IntegrityRecord(Subject subject, long version, List<Flag> flags, List<IntegrityCase> cases,
    List<Hold> holds, List<ProjectFailure> projectFailures) {

  public IntegrityRecord {
    flags = List.copyOf(flags == null ? List.of() : flags);
    cases = List.copyOf(cases == null ? List.of() : cases);
    holds = List.copyOf(holds == null ? List.of() : holds);
    projectFailures = List.copyOf(projectFailures == null ? List.of() : projectFailures);
  }

  /** A record without terminated projects (as before 尽职免责). */
  public IntegrityRecord(Subject subject, long version, List<Flag> flags, List<IntegrityCase> cases,
      List<Hold> holds) {
    this(subject, version, flags, cases, holds, List.of());
  }

  public static IntegrityRecord empty(Subject subject) {
    return new IntegrityRecord(subject, 0, List.of(), List.of(), List.of(), List.of());
  }

  public Optional<ProjectFailure> projectFailure(String projectId) {
    return projectFailures.stream().filter(f -> f.projectId().equals(projectId)).findFirst();
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
  public Change<IntegrityRecord, IntegrityEvent> raise(Flag flag) {
    requireOwn(flag.subject());
    if (flag(flag.flagId()).isPresent()) {
      return Change.quiet(this);
    }
    List<Flag> next = new ArrayList<>(flags);
    next.add(flag);
    return Change.of(new IntegrityRecord(subject, version, next, cases, holds, projectFailures), new FlagRaised(flag));
  }

  /**
   * Raises a flag and at once places a hold (dishonesty list): no officer needed. If a hold with
   * the same id exists (the same list entry held this subject before), only the flag is raised.
   */
  public Change<IntegrityRecord, IntegrityEvent> raiseWithHold(Flag flag, String holdId, String reason,
      Instant endsAt) {
    return raise(flag).then(r -> {
      if (r.hold(holdId).isPresent() || !endsAt.isAfter(flag.raisedAt())) {
        return Change.quiet(r);
      }
      Hold hold = Hold.placed(holdId, subject, reason, null, flag.flagId(), flag.raisedAt(), endsAt,
          "rule/" + flag.rule().name() + "/v" + flag.rule().version(), flag.raisedAt());
      return Change.of(r.withHold(hold), new HoldPlaced(hold));
    });
  }

  // ---------------------------------------------------------------- 尽职免责 (terminated projects)

  /**
   * A project of this organisation was terminated: recorded as awaiting the diligence assessment, no flag yet
   * (PROJECT_FAILED v2). A termination recorded before (redelivery) is left as it is.
   */
  public Change<IntegrityRecord, IntegrityEvent> projectTerminated(ProjectFailure awaiting) {
    if (projectFailure(awaiting.projectId()).isPresent()) {
      return Change.quiet(this);
    }
    List<ProjectFailure> next = new ArrayList<>(projectFailures);
    next.add(awaiting);
    return Change.quiet(new IntegrityRecord(subject, version, flags, cases, holds, next));
  }

  /**
   * The program manager's assessment of the failure that terminated {@code projectId}: EXEMPTED when it exempts
   * (diligent, no misconduct), else FLAGGED with {@code flag} raised. Decided once: a later assessment of the same
   * termination changes nothing. A termination this record has not seen is recorded from the assessment.
   */
  public Change<IntegrityRecord, IntegrityEvent> terminationAssessed(String projectId, String programId,
      ProjectFailure.Diligence diligence, Flag flag) {
    ProjectFailure failure = projectFailure(projectId)
        .orElseGet(() -> ProjectFailure.awaiting(projectId, programId, null, null));
    if (failure.decided()) {
      return Change.quiet(this);
    }
    if (diligence.exempts()) {
      return Change.quiet(withFailure(failure.exempted(diligence)));
    }
    requireOwn(flag.subject());
    return withFailure(failure.flagged(diligence, flag.flagId())).raise(flag);
  }

  private IntegrityRecord withFailure(ProjectFailure f) {
    List<ProjectFailure> next = new ArrayList<>(projectFailures);
    next.removeIf(x -> x.projectId().equals(f.projectId()));
    next.add(f);
    return new IntegrityRecord(subject, version, flags, cases, holds, next);
  }

  // ---------------------------------------------------------------- 追回 (recovery holds)

  /** The id of the hold that keeps an organisation held while the recovery order {@code recoveryId} is unpaid. */
  public static String recoveryHoldId(String recoveryId) {
    return Ids.derived("hold", "recovery", recoveryId);
  }

  /**
   * 追回: post-subsidy opened a recovery order; the organisation stays held until it has repaid. The hold names the
   * case, lasts at most the longest period (5 years) and neither expires nor is lifted by an officer while the order is
   * unpaid ({@link Hold#recoveryOutstanding}); placed once per order (redelivery places nothing).
   */
  public Change<IntegrityRecord, IntegrityEvent> recoveryOpened(String recoveryId, String caseId, String projectId,
      long amountFen, Instant at) {
    String holdId = recoveryHoldId(recoveryId);
    if (hold(holdId).isPresent()) {
      return Change.quiet(this);
    }
    Hold hold = Hold.placed(holdId, subject, "recovery " + recoveryId + " of " + amountFen + " fen (project "
        + projectId + ") outstanding: held until repaid", caseId, null, at,
        at.atZone(HoldPolicy.ZONE).plusYears(HoldPolicy.MAX_YEARS).toInstant(), "recovery/" + recoveryId, at);
    return Change.of(withHold(hold), new HoldPlaced(hold));
  }

  /** REPAID lifts the recovery hold; WRITTEN_OFF leaves it to end or to an officer (the debt was not repaid). */
  public Change<IntegrityRecord, IntegrityEvent> recoverySettled(String recoveryId, boolean repaid, Instant at) {
    String holdId = recoveryHoldId(recoveryId);
    Optional<Hold> h = hold(holdId);
    if (h.isEmpty() || !h.get().recoveryOutstanding()) {
      return Change.quiet(this);
    }
    Change<IntegrityRecord, IntegrityEvent> marked = Change.quiet(new IntegrityRecord(subject, version, flags, cases,
        holds.stream().map(x -> x.holdId().equals(holdId) ? x.settled() : x).toList(), projectFailures));
    if (!repaid || !h.get().active()) {
      return marked;
    }
    return marked.then(r -> r.lift(x -> x.holdId().equals(holdId), HoldLiftReason.RECOVERY_REPAID,
        x -> "recovery " + recoveryId + " repaid", null, at));
  }

  // ---------------------------------------------------------------- cases

  /** Opens a case from flags of this subject (an existing case with this id is left as it is). */
  public Change<IntegrityRecord, IntegrityEvent> openCase(String caseId, List<String> flagIds, String by, Instant at,
      String note, List<String> evidenceRefs) {
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
      return Change.quiet(this);
    }
    return Change.quiet(withCase(IntegrityCase.opened(caseId, subject, flagIds, severity, by, at, note, evidenceRefs)));
  }

  public Change<IntegrityRecord, IntegrityEvent> startInvestigation(String caseId, String by, Instant at,
      String note) {
    return Change.quiet(withCase(requireCase(caseId).investigationStarted(by, at, note)));
  }

  public Change<IntegrityRecord, IntegrityEvent> addNote(String caseId, String by, Instant at, String note,
      List<String> evidenceRefs) {
    return Change.quiet(withCase(requireCase(caseId).noteAdded(by, at, note, evidenceRefs)));
  }

  /** A precautionary hold while the case is investigated; a dismissal lifts it again. */
  public Change<IntegrityRecord, IntegrityEvent> placeInterimHold(String caseId, String holdId, String reason,
      Integer years, HoldPolicy policy, String by, Instant at) {
    requireCase(caseId).requireStatus("place an interim hold for", CaseStatus.INVESTIGATING);
    return placeCaseHold(caseId, "INTERIM_HOLD_PLACED", holdId, reason, years, policy, by, at);
  }

  /**
   * Confirms the case, with {@code placeHold} a hold of the given years (1-5) or by severity, and what it found: a misconduct about a project ({@link CaseFinding#recovers()}) is carried
   * by case-decided, and post-subsidy opens the recovery order (追回). Only an organisation's case names a project.
   * The decision's event also names the evidence files it rests on (metadata only).
   */
  public Change<IntegrityRecord, IntegrityEvent> confirm(String caseId, String reason, CaseFinding finding,
      boolean placeHold, String holdId, Integer years, HoldPolicy policy, String by, Instant at,
      List<CaseFile> evidenceFiles) {
    IntegrityCase c = requireCase(caseId);
    c.requireConfirmable(reason);
    if (finding != null && finding.projectId() != null && subject.type() != SubjectType.ORGANISATION) {
      throw IntegrityException.rule("invalid-finding", "only an organisation's case names a project to recover for");
    }
    if (placeHold) {
      policy.endOf(at, c.severity(), years); // refuse a wrong period before anything changes
    }
    IntegrityCase decided = c.confirmed(reason, finding, by, at);
    Change<IntegrityRecord, IntegrityEvent> confirmed = Change.of(withCase(decided),
        new CaseDecided(caseId, subject, CaseStatus.CONFIRMED, reason, c.flagIds(), by, at, decided.finding(),
            evidenceFiles));
    return placeHold
        ? confirmed.then(r -> r.placeCaseHold(caseId, "HOLD_PLACED", holdId, reason, years, policy, by, at))
        : confirmed;
  }

  /**
   * Dismisses the case on the given evidence files (the decision's event names them, metadata only) and lifts every
   * active hold it or its flags had placed.
   */
  public Change<IntegrityRecord, IntegrityEvent> dismiss(String caseId, String reason, String by, Instant at,
      List<CaseFile> evidenceFiles) {
    IntegrityCase c = requireCase(caseId);
    Change<IntegrityRecord, IntegrityEvent> dismissed = Change.of(withCase(c.dismissed(reason, by, at)),
        new CaseDecided(caseId, subject, CaseStatus.DISMISSED, reason, c.flagIds(), by, at, null, evidenceFiles));
    return dismissed.then(r -> r.lift(h -> h.active() && c.placed(h), HoldLiftReason.CASE_DISMISSED,
        h -> "case " + caseId + " dismissed: " + reason, by, at));
  }

  // ---------------------------------------------------------------- holds

  public Change<IntegrityRecord, IntegrityEvent> liftByOfficer(String holdId, String note, String by, Instant at) {
    Hold h = hold(holdId).orElseThrow(() -> IntegrityException.notFound("hold", holdId));
    if (!h.active()) {
      throw IntegrityException.holdAlreadyLifted("hold " + holdId + " was lifted already (" + h.liftReason() + ")");
    }
    IntegrityCase.requireReason(note);
    if (h.recoveryOutstanding()) {
      throw IntegrityException.recoveryOutstanding("hold " + holdId
          + " keeps the organisation held until its recovery is repaid; it is lifted when post-subsidy reports it repaid");
    }
    return lift(x -> x.holdId().equals(holdId), HoldLiftReason.LIFTED_BY_OFFICER, x -> note, by, at);
  }

  /** Ends every active hold whose end date has come: hold-lifted with reason EXPIRED. */
  public Change<IntegrityRecord, IntegrityEvent> expireHolds(Instant now) {
    return lift(h -> h.dueToExpire(now) && !h.recoveryOutstanding(), HoldLiftReason.EXPIRED,
        h -> "sanction period ended " + h.endsAt(), null, now);
  }

  /**
   * Announces every active hold that ends by itself within {@code lead} and was not announced yet (hold-expiring,
   * once per hold); nothing to announce: no events and nothing changed, so the sweep writes nothing.
   */
  public Change<IntegrityRecord, IntegrityEvent> announceExpiringHolds(Instant now, java.time.Duration lead) {
    List<Hold> next = new ArrayList<>(holds.size());
    List<IntegrityEvent> events = new ArrayList<>();
    for (Hold h : holds) {
      if (h.expiringWithin(now, lead)) {
        Hold announced = h.expiryAnnounced(now);
        next.add(announced);
        events.add(new IntegrityEvent.HoldExpiring(announced, now));
      } else {
        next.add(h);
      }
    }
    return events.isEmpty() ? Change.quiet(this)
        : Change.of(new IntegrityRecord(subject, version, flags, cases, next, projectFailures), events);
  }

  // ---------------------------------------------------------------- internals

  private Change<IntegrityRecord, IntegrityEvent> placeCaseHold(String caseId, String action, String holdId,
      String reason, Integer years, HoldPolicy policy, String by, Instant at) {
    if (hold(holdId).isPresent()) {
      return Change.quiet(this);
    }
    IntegrityCase c = requireCase(caseId);
    Instant ends = policy.endOf(at, c.severity(), years);
    Hold hold = Hold.placed(holdId, subject, reason, caseId, null, at, ends, by, at);
    return Change.of(withHold(hold).withCase(c.holdPlaced(action, holdId, ends, by, at)), new HoldPlaced(hold));
  }

  /** Lifts the holds that match, in their order, one hold-lifted event each. */
  private Change<IntegrityRecord, IntegrityEvent> lift(Predicate<Hold> which,
      HoldLiftReason reason, Function<Hold, String> note, String by, Instant at) {
    List<Hold> next = new ArrayList<>(holds.size());
    List<IntegrityEvent> events = new ArrayList<>();
    for (Hold h : holds) {
      if (which.test(h)) {
        next.add(h.lifted(reason, note.apply(h), by, at));
        events.add(new HoldLifted(h.holdId(), subject, reason, note.apply(h), by, at));
      } else {
        next.add(h);
      }
    }
    return Change.of(new IntegrityRecord(subject, version, flags, cases, next, projectFailures), events);
  }

  private IntegrityCase requireCase(String caseId) {
    return integrityCase(caseId).orElseThrow(() -> IntegrityException.notFound("case", caseId));
  }

  private void requireOwn(Subject s) {
    if (!subject.equals(s)) {
      throw new IllegalArgumentException("flag of " + s.key() + " added to record of " + subject.key());
    }
  }

  private IntegrityRecord withHold(Hold hold) {
    List<Hold> next = new ArrayList<>(holds);
    next.add(hold);
    return new IntegrityRecord(subject, version, flags, cases, next, projectFailures);
  }

  /** The record with this case in place of the case with its id (or added). */
  private IntegrityRecord withCase(IntegrityCase c) {
    List<IntegrityCase> next = new ArrayList<>(cases.stream().map(x -> x.caseId().equals(c.caseId()) ? c : x).toList());
    if (integrityCase(c.caseId()).isEmpty()) {
      next.add(c);
    }
    return new IntegrityRecord(subject, version, flags, next, holds, projectFailures);
  }
}
