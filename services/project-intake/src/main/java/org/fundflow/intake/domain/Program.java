package org.fundflow.intake.domain;

import java.time.Instant;
import org.fundflow.platform.domain.Change;

/**
 * A funding scheme. DRAFT (editable) -> OPEN (published) -> CLOSED. Every published change
 * increases the revision. {@code committedFen} is the amount <em>awarded</em> of the budget (awards
 * decided, and awards being written whose reservation the reconciler has not settled yet); it only
 * changes through the atomic reservation, never by an edit. The API calls it {@code awardedFen}; the
 * component keeps its old name because it is the stored field of the {@code programs} documents.
 *
 * <p>Immutable and read at a version (0 for a program not stored yet), as every aggregate: each command returns a
 * {@link Change} with the next state (same version) and the events it caused; the store writes both in one update
 * conditional on that version.
 */
public record Program(String id, ProgramTerms terms, ProgramStatus status, int revision, long committedFen,
    Instant createdAt, Instant publishedAt, Instant changedAt, long version) {

  public static Program draft(String id, ProgramTerms terms, Instant now) {
    return new Program(id, terms, ProgramStatus.DRAFT, 0, 0, now, null, null, 0);
  }

  public Change<Program, IntakeEvent> edit(ProgramTerms newTerms) {
    if (status != ProgramStatus.DRAFT) {
      throw IntakeRefusal.illegalTransition("Program", id, status, "edited (only drafts are editable)");
    }
    return Change.quiet(new Program(id, newTerms, status, revision, committedFen, createdAt, publishedAt, changedAt, version));
  }

  /** Publishes the program: it takes proposals (or claims) in its call window. */
  public Change<Program, IntakeEvent> open(Instant now) {
    if (status != ProgramStatus.DRAFT) {
      throw IntakeRefusal.illegalTransition("Program", id, status, "opened");
    }
    Program opened = new Program(id, terms, ProgramStatus.OPEN, revision + 1, committedFen, createdAt, now, now, version);
    return Change.of(opened, new IntakeEvent.ProgramPublished(opened, now));
  }

  public Change<Program, IntakeEvent> close(Instant now) {
    if (status != ProgramStatus.OPEN) {
      throw IntakeRefusal.illegalTransition("Program", id, status, "closed");
    }
    Program closed = new Program(id, terms, ProgramStatus.CLOSED, revision + 1, committedFen, createdAt, publishedAt,
        now, version);
    return Change.of(closed, new IntakeEvent.ProgramChanged(closed, now));
  }

  /** This state as the store holds it at {@code storedVersion} (the store's answer to a write). */
  public Program atVersion(long storedVersion) {
    return new Program(id, terms, status, revision, committedFen, createdAt, publishedAt, changedAt, storedVersion);
  }

  public ProgramKind kind() {
    return terms.kind();
  }

  /** The amount awarded of the budget (the API's {@code awardedFen}). */
  public long awardedFen() {
    return committedFen;
  }

  /** Budget not awarded yet: what later awards may still take. */
  public long remainingToAwardFen() {
    return terms.budgetFen() - committedFen;
  }

  /** Refuses a new proposal in a program that takes claims or voucher applications instead, or that is closed. */
  void requireTakingProposals() {
    if (kind() == ProgramKind.POST_SUBSIDY) {
      throw IntakeRefusal.rule("no-proposals-in-post-subsidy", "Post-subsidy programs take claims",
          "Program " + id + " is a POST_SUBSIDY program: enterprises claim a subsidy there, they do not propose projects");
    }
    if (kind() == ProgramKind.VOUCHER) {
      throw IntakeRefusal.rule("no-proposals-in-voucher-programs", "Voucher programs issue vouchers",
          "Program " + id + " is a VOUCHER program: enterprises apply for vouchers (POST /vouchers), they do"
              + " not propose projects");
    }
    RewardTable.refuseProposalIn(this);
    if (status == ProgramStatus.CLOSED) {
      throw IntakeRefusal.rule("call-window-closed", "Call window closed", "Program " + id + " is closed");
    }
  }

  /** Refuses a submission unless the program is OPEN and now is inside its call window. */
  public void requireAcceptingSubmissions(Instant now) {
    if (status != ProgramStatus.OPEN || !terms.callWindow().isOpenAt(now)) {
      throw IntakeRefusal.rule("call-window-closed", "Call window closed",
          "Program " + id + " does not accept submissions now: it is " + status + ", call window "
              + terms.callWindow().opensLocal() + " to " + terms.callWindow().closesLocal() + " (Asia/Shanghai)",
          java.util.Map.of("opensAt", terms.callWindow().opensAt().toString(),
              "closesAt", terms.callWindow().closesAt().toString(), "timeZone", CallWindow.ZONE.getId()));
    }
  }
}
