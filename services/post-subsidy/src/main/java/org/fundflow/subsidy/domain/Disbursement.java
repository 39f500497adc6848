package org.fundflow.subsidy.domain;

import static org.fundflow.subsidy.domain.SubsidyRefused.Reason.ILLEGAL_TRANSITION;
import static org.fundflow.subsidy.domain.SubsidyRefused.Reason.PREPARER_CANNOT_RELEASE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fundflow.platform.domain.Change;

/**
 * One payment. CREATED -> PREPARED (finance officer checks the payee) -> RELEASED (a finance approver
 * who is not the preparer); ON_HOLD while the organisation is under an integrity hold, back to the
 * status it had when the hold lifts; CANCELLED when the project is terminated before it was paid.
 * Immutable: every transition returns a {@link Change} with the next state and what happened (a transition with
 * nothing to do returns this disbursement unchanged).
 *
 * @param version the stored version this state was read at (0 for a new one); not changed here
 * @param explanationNote the explanation as data (null in disbursements created before it was kept)
 * @param prepareIdempotencyKey the Idempotency-Key of the last preparation (null when it was sent without one)
 * @param prepareFingerprint the {@link org.fundflow.platform.domain.RequestFingerprint} of that preparation
 */
public record Disbursement(
    String id,
    Trigger trigger,
    String programId,
    String projectId,
    String claimId,
    String organisationCode,
    long amountFen,
    String explanation,
    DisbursementStatus status,
    DisbursementStatus statusBeforeHold,
    String holdId,
    Payee payee,
    String preparedBy,
    Instant preparedAt,
    String releasedBy,
    Instant releasedAt,
    String paymentReference,
    String releaseIdempotencyKey,
    String cancelReason,
    Instant createdAt,
    List<HistoryEntry> history,
    long version,
    Note explanationNote,
    String prepareIdempotencyKey,
    String prepareFingerprint) {

  public Disbursement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(organisationCode, "organisationCode");
    Objects.requireNonNull(status, "status");
    if (amountFen < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    history = List.copyOf(history == null ? List.of() : history);
  }

  /**
   * A new disbursement for a trigger. When the organisation is under a hold it starts ON_HOLD
   * (and will become CREATED when the hold lifts).
   */
  public static Change<Disbursement, DisbursementEvent> create(Trigger trigger, String programId, String projectId,
      String claimId,
      String organisationCode, long amountFen, String explanation, String activeHoldId, String by, Instant now) {
    return create(trigger, programId, projectId, claimId, organisationCode, amountFen, explanation, null, activeHoldId,
        by, now);
  }

  /** As {@link #create(Trigger, String, String, String, String, long, String, String, String, Instant)}, with the explanation as data too. */
  public static Change<Disbursement, DisbursementEvent> create(Trigger trigger, String programId, String projectId,
      String claimId, String organisationCode, long amountFen, String explanation, Note explanationNote,
      String activeHoldId, String by, Instant now) {
    Disbursement created = new Disbursement(trigger.disbursementId(), trigger, programId, projectId, claimId,
        organisationCode, amountFen, explanation, DisbursementStatus.CREATED, null, null, null, null, null, null,
        null, null, null, null, now,
        List.of(new HistoryEntry(now, by, null, DisbursementStatus.CREATED.name(), explanation, explanationNote)), 0L,
        explanationNote, null, null);
    Change<Disbursement, DisbursementEvent> change = Change.of(created, new DisbursementEvent.Created(created, now));
    return activeHoldId == null ? change : change.then(d -> d.hold(activeHoldId, by, now));
  }

  /** The hold id under which a suspended project's disbursements wait (issue 17 point 5). */
  public static String suspensionHoldId(String projectId) {
    return SUSPENSION_HOLD_PREFIX + projectId;
  }

  public static final String SUSPENSION_HOLD_PREFIX = "project-suspended:";

  /** ON_HOLD because its project is suspended (not because of an integrity hold). */
  public boolean heldBySuspension() {
    return status == DisbursementStatus.ON_HOLD && holdId != null && holdId.startsWith(SUSPENSION_HOLD_PREFIX);
  }

  /** Why an ON_HOLD disbursement cannot be paid: its project's suspension, or its organisation's integrity hold. */
  public DisbursementRefused heldRefusal() {
    return heldBySuspension()
        ? new DisbursementRefused(DisbursementRefused.Reason.PROJECT_SUSPENDED,
            "disbursement " + id + " is on hold: project " + projectId + " is suspended")
        : new DisbursementRefused(DisbursementRefused.Reason.ORGANISATION_ON_HOLD,
            "disbursement " + id + " is on hold: the organisation is under an integrity hold");
  }

  /** Moves a held disbursement under another hold (e.g. from a lifted integrity hold to its project's suspension). */
  public Change<Disbursement, DisbursementEvent> heldUnder(String otherHoldId, String by, Instant now) {
    if (status != DisbursementStatus.ON_HOLD) {
      return hold(otherHoldId, by, now);
    }
    if (otherHoldId.equals(holdId)) {
      return Change.quiet(this);
    }
    Disbursement next = with(DisbursementStatus.ON_HOLD, statusBeforeHold, otherHoldId, payee, preparedBy, preparedAt,
        releasedBy, releasedAt, paymentReference, releaseIdempotencyKey, cancelReason,
        entry(now, by, DisbursementStatus.ON_HOLD, "held by " + otherHoldId + " (was " + holdId + ")",
            Note.of("held-instead", otherHoldId, holdId)));
    return Change.of(next, new DisbursementEvent.Held(next, otherHoldId, now));
  }

  public Change<Disbursement, DisbursementEvent> prepare(Payee payee, String by, Instant now) {
    return prepare(payee, by, null, null, now);
  }

  /**
   * Prepares (or prepares again, correcting the payee) and keeps the request's Idempotency-Key and fingerprint, so
   * that the same request again is recognised ({@link #preparedBy(String, String)}).
   */
  public Change<Disbursement, DisbursementEvent> prepare(Payee payee, String by, String idempotencyKey,
      String fingerprint, Instant now) {
    if (status == DisbursementStatus.ON_HOLD) {
      throw heldRefusal();
    }
    if (status != DisbursementStatus.CREATED && status != DisbursementStatus.PREPARED) {
      throw new DisbursementRefused(ILLEGAL_TRANSITION, "disbursement " + id + " is " + status + " and cannot be prepared");
    }
    Disbursement next = with(DisbursementStatus.PREPARED, statusBeforeHold, holdId, payee, by, now, releasedBy, releasedAt,
        paymentReference, releaseIdempotencyKey, cancelReason,
        entry(now, by, DisbursementStatus.PREPARED, "payee " + payee.name() + ", " + payee.bank() + ", "
            + payee.accountNumberMasked(), Note.of("prepared", payee.name(), payee.bank(), payee.accountNumberMasked())));
    next = new Disbursement(next.id, next.trigger, next.programId, next.projectId, next.claimId, next.organisationCode,
        next.amountFen, next.explanation, next.status, next.statusBeforeHold, next.holdId, next.payee, next.preparedBy,
        next.preparedAt, next.releasedBy, next.releasedAt, next.paymentReference, next.releaseIdempotencyKey,
        next.cancelReason, next.createdAt, next.history, next.version, next.explanationNote, idempotencyKey,
        idempotencyKey == null ? null : fingerprint);
    return Change.of(next, new DisbursementEvent.Prepared(next, now));
  }

  /** Whether the last preparation was made with this Idempotency-Key (a request sent again, or a key reused). */
  public boolean preparedWithKey(String idempotencyKey) {
    return idempotencyKey != null && idempotencyKey.equals(prepareIdempotencyKey);
  }

  /** Whether the last preparation was this very request: the same key and the same fingerprint. */
  public boolean preparedBy(String idempotencyKey, String fingerprint) {
    return preparedWithKey(idempotencyKey) && fingerprint != null && fingerprint.equals(prepareFingerprint);
  }

  /** The four-eyes check and the state change; budget and holds are checked by the caller around it. */
  public Change<Disbursement, DisbursementEvent> release(String by, String paymentReference, String idempotencyKey,
      Instant now) {
    if (status == DisbursementStatus.ON_HOLD) {
      throw heldRefusal();
    }
    if (status != DisbursementStatus.PREPARED) {
      throw new DisbursementRefused(ILLEGAL_TRANSITION, "disbursement " + id + " is " + status
          + "; only a PREPARED disbursement can be released");
    }
    if (by.equals(preparedBy)) {
      throw new DisbursementRefused(PREPARER_CANNOT_RELEASE,
          "disbursement " + id + " was prepared by " + by + "; another finance approver must release it");
    }
    Disbursement next = with(DisbursementStatus.RELEASED, null, holdId, payee, preparedBy, preparedAt, by, now,
        paymentReference, idempotencyKey, cancelReason,
        entry(now, by, DisbursementStatus.RELEASED, "payment reference " + paymentReference,
            Note.of("released", paymentReference)));
    return Change.of(next, new DisbursementEvent.Released(next, now));
  }

  /** Puts an open disbursement on hold; a paid, cancelled or already held one is left as it is. */
  public Change<Disbursement, DisbursementEvent> hold(String holdId, String by, Instant now) {
    if (status != DisbursementStatus.CREATED && status != DisbursementStatus.PREPARED) {
      return Change.quiet(this);
    }
    Disbursement next = with(DisbursementStatus.ON_HOLD, status, holdId, payee, preparedBy, preparedAt, releasedBy,
        releasedAt, paymentReference, releaseIdempotencyKey, cancelReason,
        holdId.startsWith(SUSPENSION_HOLD_PREFIX)
            ? entry(now, by, DisbursementStatus.ON_HOLD, "project suspended", Note.of("project-suspended"))
            : entry(now, by, DisbursementStatus.ON_HOLD, "integrity hold " + holdId, Note.of("integrity-hold", holdId)));
    return Change.of(next, new DisbursementEvent.Held(next, holdId, now));
  }

  /** Back to the status it had when the hold was placed. */
  public Change<Disbursement, DisbursementEvent> resume(String by, Instant now) {
    if (status != DisbursementStatus.ON_HOLD) {
      return Change.quiet(this);
    }
    DisbursementStatus back = statusBeforeHold != null ? statusBeforeHold : DisbursementStatus.CREATED;
    Disbursement next = with(back, null, null, payee, preparedBy, preparedAt, releasedBy, releasedAt,
        paymentReference, releaseIdempotencyKey, cancelReason, entry(now, by, back, "hold lifted", Note.of("hold-lifted")));
    return Change.quiet(next);
  }

  /** Cancels what is not paid yet; a released disbursement stays released. */
  public Change<Disbursement, DisbursementEvent> cancel(String reason, String by, Instant now) {
    return cancel(reason, null, by, now);
  }

  /** As {@link #cancel(String, String, Instant)}, with the reason as data too (null: a free text only). */
  public Change<Disbursement, DisbursementEvent> cancel(String reason, Note note, String by, Instant now) {
    if (!status.isOpen()) {
      return Change.quiet(this);
    }
    Disbursement next = with(DisbursementStatus.CANCELLED, null, holdId, payee, preparedBy, preparedAt, releasedBy,
        releasedAt, paymentReference, releaseIdempotencyKey, reason, entry(now, by, DisbursementStatus.CANCELLED, reason,
        note));
    return Change.of(next, new DisbursementEvent.Cancelled(next, reason, now));
  }

  private HistoryEntry entry(Instant now, String by, DisbursementStatus to, String note, Note noteCode) {
    return new HistoryEntry(now, by, status.name(), to.name(), note, noteCode);
  }

  private Disbursement with(DisbursementStatus newStatus, DisbursementStatus newStatusBeforeHold, String newHoldId,
      Payee newPayee, String newPreparedBy, Instant newPreparedAt, String newReleasedBy, Instant newReleasedAt,
      String newPaymentReference, String newReleaseKey, String newCancelReason, HistoryEntry entry) {
    List<HistoryEntry> h = new ArrayList<>(history);
    h.add(entry);
    return new Disbursement(id, trigger, programId, projectId, claimId, organisationCode, amountFen, explanation,
        newStatus, newStatusBeforeHold, newHoldId, newPayee, newPreparedBy, newPreparedAt, newReleasedBy, newReleasedAt,
        newPaymentReference, newReleaseKey, newCancelReason, createdAt, h, version, explanationNote,
        prepareIdempotencyKey, prepareFingerprint);
  }
}
