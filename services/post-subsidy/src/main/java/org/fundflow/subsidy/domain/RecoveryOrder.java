package org.fundflow.subsidy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fundflow.platform.domain.Change;

/**
 * 追回 (issue 17 point 4): the order to recover from an organisation what was released on a project after an integrity
 * case confirmed misconduct about it. OPEN -> AWAITING_APPROVAL (a finance officer records the repayment, exact to the
 * fen, or a write-off) -> REPAID | WRITTEN_OFF (another finance user approves: four-eyes) — or back to OPEN when the
 * approver refuses the record. One order per project ({@link #idOf}): a project is never recovered twice.
 *
 * @param version the stored version this state was read at (0 for a new one)
 */
public record RecoveryOrder(String id, String caseId, String projectId, String programId, String organisationCode,
    long amountFen, long releasedFen, Basis basis, RecoveryStatus status, Outcome recordedOutcome,
    String paymentReference, String note, String recordedBy, Instant recordedAt, String approvedBy, Instant settledAt,
    Instant openedAt, List<HistoryEntry> history, long version) {

  public enum Basis { RELEASED, SET_BY_OFFICER }

  public enum RecoveryStatus { OPEN, AWAITING_APPROVAL, REPAID, WRITTEN_OFF }

  public enum Outcome { REPAID, WRITTEN_OFF }

  public RecoveryOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    if (amountFen < 1 || releasedFen < 0) {
      throw new IllegalArgumentException("a recovery is of at least 1 fen");
    }
    history = List.copyOf(history == null ? List.of() : history);
  }

  public static String idOf(String projectId) {
    return "rcv-" + projectId;
  }

  /**
   * The order of a confirmed misconduct about {@code projectId}: the officer's amount if set, else everything released
   * on the project ({@code releasedFen}); nothing to recover (nothing released, no amount set) opens no order.
   */
  public static java.util.Optional<Change<RecoveryOrder, RecoveryEvent>> open(String caseId, String projectId,
      String programId, String organisationCode, Long officerAmountFen, long releasedFen, Instant now) {
    long amount = officerAmountFen != null ? officerAmountFen : releasedFen;
    if (amount < 1) {
      return java.util.Optional.empty();
    }
    Basis basis = officerAmountFen != null ? Basis.SET_BY_OFFICER : Basis.RELEASED;
    RecoveryOrder o = new RecoveryOrder(idOf(projectId), caseId, projectId, programId, organisationCode, amount,
        releasedFen, basis, RecoveryStatus.OPEN, null, null, null, null, null, null, null, now,
        List.of(new HistoryEntry(now, "case " + caseId, null, RecoveryStatus.OPEN.name(),
            amount + " fen to recover (" + basis + ", released " + releasedFen + " fen)")), 0);
    return java.util.Optional.of(Change.of(o, new RecoveryEvent.Opened(o, now)));
  }

  /** A finance officer records the repayment (the full amount, to the fen, with its reference) or a write-off. */
  public Change<RecoveryOrder, RecoveryEvent> record(Outcome outcome, Long repaidFen, String reference, String note,
      String by, Instant now) {
    if (status != RecoveryStatus.OPEN) {
      throw new RecoveryRefused(RecoveryRefused.Reason.ILLEGAL_TRANSITION,
          "recovery " + id + " is " + status + "; only an OPEN recovery is recorded");
    }
    if (note == null || note.isBlank()) {
      throw new RecoveryRefused(RecoveryRefused.Reason.INVALID_REQUEST, "a note is required");
    }
    if (outcome == Outcome.REPAID) {
      if (reference == null || reference.isBlank()) {
        throw new RecoveryRefused(RecoveryRefused.Reason.INVALID_REQUEST, "a repayment needs its payment reference");
      }
      if (repaidFen == null || repaidFen != amountFen) {
        throw new RecoveryRefused(RecoveryRefused.Reason.AMOUNT_MISMATCH, "the repayment must be exactly "
            + amountFen + " fen, not " + repaidFen);
      }
    }
    RecoveryOrder next = new RecoveryOrder(id, caseId, projectId, programId, organisationCode, amountFen, releasedFen,
        basis, RecoveryStatus.AWAITING_APPROVAL, outcome, outcome == Outcome.REPAID ? reference.strip() : null,
        note.strip(), by, now, null, null, openedAt, added(now, by, RecoveryStatus.AWAITING_APPROVAL, outcome + ": " + note),
        version);
    return Change.quiet(next);
  }

  /** Another finance user approves the record: REPAID or WRITTEN_OFF, final. */
  public Change<RecoveryOrder, RecoveryEvent> approve(String by, Instant now) {
    requireAwaitingApprovalBySomeoneElse(by);
    RecoveryStatus end = recordedOutcome == Outcome.REPAID ? RecoveryStatus.REPAID : RecoveryStatus.WRITTEN_OFF;
    RecoveryOrder next = new RecoveryOrder(id, caseId, projectId, programId, organisationCode, amountFen, releasedFen,
        basis, end, recordedOutcome, paymentReference, note, recordedBy, recordedAt, by, now, openedAt,
        added(now, by, end, "approved"), version);
    return Change.of(next, new RecoveryEvent.Settled(next, now));
  }

  /** Another finance user refuses the record: OPEN again. */
  public Change<RecoveryOrder, RecoveryEvent> refuse(String reason, String by, Instant now) {
    requireAwaitingApprovalBySomeoneElse(by);
    if (reason == null || reason.isBlank()) {
      throw new RecoveryRefused(RecoveryRefused.Reason.INVALID_REQUEST, "a reason is required");
    }
    return Change.quiet(new RecoveryOrder(id, caseId, projectId, programId, organisationCode, amountFen, releasedFen,
        basis, RecoveryStatus.OPEN, null, null, null, null, null, null, null, openedAt,
        added(now, by, RecoveryStatus.OPEN, "refused: " + reason), version));
  }

  private void requireAwaitingApprovalBySomeoneElse(String by) {
    if (status != RecoveryStatus.AWAITING_APPROVAL) {
      throw new RecoveryRefused(RecoveryRefused.Reason.ILLEGAL_TRANSITION,
          "recovery " + id + " is " + status + "; only a recorded recovery is approved or refused");
    }
    if (by.equals(recordedBy)) {
      throw new RecoveryRefused(RecoveryRefused.Reason.RECORDER_CANNOT_APPROVE,
          "recovery " + id + " was recorded by " + by + "; another finance user approves it");
    }
  }

  private List<HistoryEntry> added(Instant at, String by, RecoveryStatus to, String text) {
    List<HistoryEntry> h = new ArrayList<>(history);
    h.add(new HistoryEntry(at, by, status.name(), to.name(), text));
    return h;
  }
}
