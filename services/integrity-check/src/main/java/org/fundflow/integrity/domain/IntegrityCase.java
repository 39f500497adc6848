package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An officer's investigation of one subject's flags: OPEN -> INVESTIGATING -> CONFIRMED | DISMISSED, every step
 * recorded. Immutable: every step returns the next case; the case's own rules (which step is allowed in which
 * status, what a step needs) are here, what a step does to the subject's holds is {@link IntegrityRecord}'s.
 */
public record IntegrityCase(String caseId, Subject subject, List<String> flagIds, CaseStatus status,
    Severity severity, List<CaseStep> steps, String decisionReason, List<String> holdIds, CaseFinding finding) {

  public IntegrityCase {
    flagIds = List.copyOf(flagIds);
    steps = List.copyOf(steps);
    holdIds = List.copyOf(holdIds == null ? List.of() : holdIds);
  }

  /** A case opened from the subject's flags; its severity is the highest of theirs. */
  static IntegrityCase opened(String caseId, Subject subject, List<String> flagIds, Severity severity, String by,
      Instant at, String note, List<String> evidenceRefs) {
    return new IntegrityCase(caseId, subject, List.copyOf(new LinkedHashSet<>(flagIds)), CaseStatus.OPEN, severity,
        List.of(new CaseStep("OPENED", CaseStatus.OPEN, by, at, note, evidenceRefs)), null, List.of(), null);
  }

  /** Changes with every step: the case's entity tag for conditional decisions (If-Match). */
  public int revision() {
    return steps.size();
  }

  IntegrityCase investigationStarted(String by, Instant at, String note) {
    requireStatus("start investigating", CaseStatus.OPEN);
    return with(CaseStatus.INVESTIGATING, new CaseStep("INVESTIGATION_STARTED", CaseStatus.INVESTIGATING, by, at,
        note, List.of()), null, null);
  }

  IntegrityCase noteAdded(String by, Instant at, String note, List<String> evidenceRefs) {
    requireStatus("add a note to", CaseStatus.OPEN, CaseStatus.INVESTIGATING);
    if ((note == null || note.isBlank()) && (evidenceRefs == null || evidenceRefs.isEmpty())) {
      throw IntegrityException.rule("empty-note", "a note needs a text or evidence references");
    }
    return with(status, new CaseStep("NOTE_ADDED", status, by, at, note, evidenceRefs), null, null);
  }

  /** Checks that the case may be confirmed now (before anything changes). */
  void requireConfirmable(String reason) {
    requireStatus("confirm", CaseStatus.INVESTIGATING);
    requireReason(reason);
  }

  IntegrityCase confirmed(String reason, CaseFinding finding, String by, Instant at) {
    requireConfirmable(reason);
    IntegrityCase c = with(CaseStatus.CONFIRMED, new CaseStep("CONFIRMED", CaseStatus.CONFIRMED, by, at, reason,
        List.of()), reason, null);
    return new IntegrityCase(caseId, subject, flagIds, c.status, severity, c.steps, c.decisionReason, c.holdIds,
        finding == null ? CaseFinding.NONE : finding);
  }

  IntegrityCase dismissed(String reason, String by, Instant at) {
    requireStatus("dismiss", CaseStatus.INVESTIGATING);
    requireReason(reason);
    return with(CaseStatus.DISMISSED, new CaseStep("DISMISSED", CaseStatus.DISMISSED, by, at, reason, List.of()),
        reason, null);
  }

  /** The step of a hold this case placed ({@code action}: INTERIM_HOLD_PLACED or HOLD_PLACED). */
  IntegrityCase holdPlaced(String action, String holdId, Instant ends, String by, Instant at) {
    return with(status, new CaseStep(action, status, by, at, "hold " + holdId + " until " + ends, List.of()), null,
        holdId);
  }

  /** Whether the hold was placed by this case or by one of its flags. */
  boolean placed(Hold hold) {
    return caseId.equals(hold.caseId()) || (hold.flagId() != null && flagIds.contains(hold.flagId()));
  }

  void requireStatus(String action, CaseStatus... allowed) {
    for (CaseStatus s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw IntegrityException.illegalTransition("cannot " + action + " case " + caseId + " in status " + status
        + " (allowed from " + Arrays.toString(allowed) + ")");
  }

  static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw IntegrityException.rule("reason-required", "a reason is required");
    }
  }

  /**
   * Evidence files are attached while the case is open or under investigation; a decided case's files are what the
   * decision rests on, so nothing is added. Files are never removed or replaced.
   */
  public void requireEvidenceAttachable() {
    if (status.decided()) {
      throw IntegrityException.illegalTransition("case " + caseId + " is " + status
          + ": its evidence is what the decision rests on, nothing is added");
    }
  }

  private IntegrityCase with(CaseStatus next, CaseStep step, String reason, String addedHoldId) {
    List<CaseStep> s = new ArrayList<>(steps);
    s.add(step);
    List<String> h = new ArrayList<>(holdIds);
    if (addedHoldId != null) {
      h.add(addedHoldId);
    }
    return new IntegrityCase(caseId, subject, flagIds, next, severity, s, reason != null ? reason : decisionReason, h,
        finding);
  }
}
