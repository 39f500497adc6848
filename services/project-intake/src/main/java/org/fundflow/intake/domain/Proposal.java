package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.domain.Change;

/**
 * An application for funding. DRAFT -> SUBMITTED -> SCREENING -> UNDER_REVIEW -> AWARDED | REJECTED;
 * WITHDRAWN by the applicant before a decision. Every method returns the next state or throws an
 * {@link IntakeRefusal}; nothing changes on a refusal.
 *
 * <p>Immutable and read at a version (0 for a draft not stored yet), as every aggregate: each command returns a
 * {@link Change} with the next state (same version) and the events it caused; the store writes both in one update
 * conditional on that version.
 */
public record Proposal(String id, String programId, ProgramKind programKind, String challengeId,
    String organisationCode, String organisationName, String createdBy, ProposalContent content,
    ProposalStatus status, Pledge pledge, Submission submission, Long awardedAmountFen, String decidedBy,
    Instant decidedAt, String rejectionReason, Instant withdrawnAt, Instant createdAt, AwardNotice notice,
    String outOfRankOrderReason, long version) {

  /** Longest written reason for an award out of rank order. */
  public static final int MAX_REASON = 4000;

  public static Proposal draft(String id, Program program, Challenge challenge, String organisationCode,
      String organisationName, String createdBy, ProposalContent content, Instant now) {
    program.requireTakingProposals();
    CodeRules.requireOrganisationCode(organisationCode, "organisationCode");
    if (program.kind() == ProgramKind.CHALLENGE) {
      if (challenge == null) {
        throw IntakeRefusal.rule("challenge-required", "Challenge required",
            "a proposal to CHALLENGE program " + program.id() + " must answer one of its challenges (challengeId)");
      }
      if (!challenge.programId().equals(program.id())) {
        throw IntakeRefusal.rule("challenge-required", "Challenge required",
            "challenge " + challenge.id() + " belongs to another program");
      }
      challenge.requireOpenAt(now);
    } else if (challenge != null) {
      throw IntakeRefusal.rule("no-challenges", "No challenges in this program", "only CHALLENGE programs have challenges");
    }
    return new Proposal(id, program.id(), program.kind(), challenge == null ? null : challenge.id(), organisationCode,
        organisationName, createdBy, content, ProposalStatus.DRAFT, null, null, null, null, null, null, null, now, null, null,
        0);
  }

  public Change<Proposal, IntakeEvent> edit(ProposalContent newContent) {
    requireStatus("edited", ProposalStatus.DRAFT);
    return Change.quiet(with(newContent, status, pledge, submission, awardedAmountFen, decidedBy, decidedAt,
        rejectionReason, withdrawnAt));
  }

  /**
   * Files are added to or removed from a draft only; once submitted, a proposal's files are part of what was
   * submitted and stay as they are.
   */
  public void requireFilesChangeable() {
    requireStatus("given other files", ProposalStatus.DRAFT);
  }

  public void requireDeletable() {
    requireStatus("deleted", ProposalStatus.DRAFT);
  }

  /**
   * Submits the draft. The holds are those the caller found on the organisation or the principal
   * investigator; any active one refuses the submission and is named with its end date. {@code files}: the stored
   * files submitted with it (their metadata goes with the event).
   */
  public Change<Proposal, IntakeEvent> submit(Program program, Challenge challenge, Pledge acceptedPledge,
      Submission how, List<Hold> holds, List<ProposalFile> files, Instant now) {
    requireStatus("submitted", ProposalStatus.DRAFT);
    program.requireAcceptingSubmissions(now);
    if (acceptedPledge == null || acceptedPledge.textVersion() == null || acceptedPledge.textVersion().isBlank()) {
      throw IntakeRefusal.rule("pledge-required", "Integrity pledge not accepted",
          "the integrity pledge (事前承诺) must be accepted, naming the pledge text version, before submitting");
    }
    CodeRules.requireOrganisationCode(organisationCode, "organisationCode");
    content.requireComplete(programKind);
    long cap = program.terms().perProjectCapFen();
    if (content.requestedAmountFen() > cap) {
      throw IntakeRefusal.rule("over-cap", "Requested amount over the cap",
          "the requested " + content.requestedAmountFen() + " fen exceed the per-project cap of " + cap + " fen",
          Map.of("requestedAmountFen", content.requestedAmountFen(), "perProjectCapFen", cap));
    }
    if (challenge != null) {
      if (content.requestedAmountFen() > challenge.maxFundingFen()) {
        throw IntakeRefusal.rule("over-challenge-maximum", "Requested amount over the challenge's maximum",
            "the requested " + content.requestedAmountFen() + " fen exceed the challenge's maximum funding of "
                + challenge.maxFundingFen() + " fen",
            Map.of("requestedAmountFen", content.requestedAmountFen(), "maxFundingFen", challenge.maxFundingFen()));
      }
      challenge.requireOpenAt(now);
    }
    Hold.refuseIfHeld(holds, organisationCode, content.principalInvestigator(), now, "submit");
    Proposal submitted = with(content, ProposalStatus.SUBMITTED, acceptedPledge, how, null, null, null, null, null);
    return Change.of(submitted, new IntakeEvent.ProposalSubmitted(submitted, now, files));
  }

  public Change<Proposal, IntakeEvent> screen() {
    requireStatus("screened", ProposalStatus.SUBMITTED);
    return Change.quiet(with(content, ProposalStatus.SCREENING, pledge, submission, null, null, null, null, null));
  }

  /**
   * The proposal passed screening. When its program requires an expert review (立项评审) the event
   * {@link IntakeEvent.ProposalScreened} hands it, with the program's rubric, to the review panel.
   */
  public Change<Proposal, IntakeEvent> sendToReview(Program program, Instant now) {
    requireStatus("sent to review", ProposalStatus.SCREENING);
    Proposal next = with(content, ProposalStatus.UNDER_REVIEW, pledge, submission, null, null, null, null, null);
    return program.terms().reviewRequired()
        ? Change.of(next, new IntakeEvent.ProposalScreened(next, program.terms().expertReview(), now))
        : Change.quiet(next);
  }

  /** Checks an award before the budget is reserved; {@link #award} then records it. */
  public void requireAwardable(long amountFen, Program program, Challenge challenge, List<Hold> holds, Instant now) {
    requireStatus("awarded", ProposalStatus.UNDER_REVIEW);
    if (amountFen <= 0) {
      throw IntakeRefusal.rule("invalid-award", "Invalid award", "the awarded amount must be positive");
    }
    if (amountFen > content.requestedAmountFen()) {
      throw IntakeRefusal.rule("award-over-requested", "Award over the requested amount",
          "the award of " + amountFen + " fen exceeds the requested " + content.requestedAmountFen() + " fen",
          Map.of("awardedAmountFen", amountFen, "requestedAmountFen", content.requestedAmountFen()));
    }
    long cap = program.terms().perProjectCapFen();
    if (amountFen > cap) {
      throw IntakeRefusal.rule("over-cap", "Award over the cap",
          "the award of " + amountFen + " fen exceeds the per-project cap of " + cap + " fen",
          Map.of("awardedAmountFen", amountFen, "perProjectCapFen", cap));
    }
    if (challenge != null && amountFen > challenge.maxFundingFen()) {
      throw IntakeRefusal.rule("over-challenge-maximum", "Award over the challenge's maximum",
          "the award of " + amountFen + " fen exceeds the challenge's maximum funding of " + challenge.maxFundingFen() + " fen");
    }
    Hold.refuseIfHeld(holds, organisationCode, content.principalInvestigator(), now, "be awarded");
  }

  /** Records the award checked by {@link #requireAwardable} (the program's terms go with the event). */
  public Change<Proposal, IntakeEvent> award(long amountFen, Program program, String by, Instant now) {
    return award(amountFen, program, by, now, NoticePeriod.NONE, null);
  }

  /** Records the award without a reason for awarding out of rank order. */
  public Change<Proposal, IntakeEvent> award(long amountFen, Program program, String by, Instant now,
      NoticePeriod period) {
    return award(amountFen, program, by, now, period, null);
  }

  /**
   * Records the award checked by {@link #requireAwardable}. Without a notice period it is final at once (AWARDED,
   * proposal-awarded: the project starts); with one it goes under public notice (UNDER_NOTICE, award-notice-started)
   * and becomes final only when the notice has ended with no objection pending ({@link #finaliseIfDue}).
   * {@code outOfRankOrderReason}: the program manager's written reason for awarding this proposal while a
   * higher-ranked reviewed one is neither awarded nor rejected ({@link ReviewRanking#requireInOrderOrReason}), checked
   * at this decision (the one that starts the notice), kept with the award and published in its events.
   */
  public Change<Proposal, IntakeEvent> award(long amountFen, Program program, String by, Instant now,
      NoticePeriod period, String outOfRankOrderReason) {
    requireStatus("awarded", ProposalStatus.UNDER_REVIEW);
    Proposal awarded = with(content, ProposalStatus.AWARDED, pledge, submission, amountFen, by, now, null, null)
        .withOutOfRankOrderReason(outOfRankOrderReason);
    if (period.none()) {
      return Change.of(awarded, new IntakeEvent.ProposalAwarded(awarded, program, now));
    }
    Proposal noticed = awarded.withNotice(ProposalStatus.UNDER_NOTICE, AwardNotice.started(now, period.endFor(now)));
    return Change.of(noticed, new IntakeEvent.AwardNoticeStarted(noticed, now));
  }

  // ---------------------------------------------------------------- public notice (issue 17 point 2)

  /**
   * Anyone logged in (but not the awarded organisation's own staff) may object while the notice runs, with reasons;
   * one pending objection per person.
   */
  public Change<Proposal, IntakeEvent> lodgeObjection(String objectionId, String by, String byOrganisationCode,
      String reasons, Instant now) {
    requireStatus("objected to", ProposalStatus.UNDER_NOTICE);
    if (notice.endedAt(now)) {
      throw IntakeRefusal.rule("notice-ended", "Public notice ended",
          "the public notice of this award ended at " + notice.endsAt() + ": objections are no longer taken",
          java.util.Map.of("noticeEndsAt", notice.endsAt().toString()));
    }
    if (reasons == null || reasons.isBlank()) {
      throw IntakeRefusal.rule("reason-required", "Reason required", "an objection needs its reasons");
    }
    if (reasons.length() > Objection.MAX_REASONS) {
      throw IntakeRefusal.rule("reason-required", "Reasons too long",
          "the reasons of an objection have at most " + Objection.MAX_REASONS + " characters");
    }
    if (organisationCode.equals(byOrganisationCode)) {
      throw IntakeRefusal.rule("own-award", "Objection to one's own award",
          "staff of organisation " + organisationCode + " cannot object to its own award");
    }
    if (notice.objections().stream().anyMatch(o -> o.pending() && o.lodgedBy().equals(by))) {
      throw IntakeRefusal.rule("objection-pending", "Objection already pending",
          "you already have an objection to this award waiting for a decision");
    }
    if (notice.objections().size() >= AwardNotice.MAX_OBJECTIONS) {
      throw IntakeRefusal.rule("too-many-objections", "Too many objections",
          "this award has " + AwardNotice.MAX_OBJECTIONS + " objections: no more are taken");
    }
    Objection objection = new Objection(objectionId, by, now, reasons.strip(), Objection.Status.PENDING, null, null,
        null);
    List<Objection> all = new java.util.ArrayList<>(notice.objections());
    all.add(objection);
    Proposal next = withNotice(status, notice.with(all));
    return Change.of(next, new IntakeEvent.ObjectionLodged(next, objection, now));
  }

  /**
   * The program manager decides a pending objection with a reason. Upheld: the award is withdrawn (AWARD_WITHDRAWN,
   * the other pending objections closed; the caller returns the amount to the program's budget). Dismissed: the
   * award stays under notice, and becomes final at once when the notice has ended and nothing else is pending.
   */
  public Change<Proposal, IntakeEvent> decideObjection(String objectionId, boolean uphold, String reason, String by,
      Program program, Instant now) {
    Objection objection = notice == null ? null : notice.objection(objectionId).orElse(null);
    if (objection == null) {
      throw IntakeRefusal.notFound("Objection", objectionId);
    }
    if (status != ProposalStatus.UNDER_NOTICE || !objection.pending()) {
      throw IntakeRefusal.illegalTransition("Objection", objectionId,
          status != ProposalStatus.UNDER_NOTICE ? status : objection.status(), "decided");
    }
    if (reason == null || reason.isBlank()) {
      throw IntakeRefusal.rule("reason-required", "Reason required", "an objection is upheld or dismissed with a reason");
    }
    Objection decided = objection.decided(uphold ? Objection.Status.UPHELD : Objection.Status.DISMISSED, by, now,
        reason.strip());
    List<Objection> all = notice.objections().stream()
        .map(o -> o.objectionId().equals(objectionId) ? decided
            : uphold && o.pending() ? o.decided(Objection.Status.CLOSED, by, now, null) : o)
        .toList();
    if (uphold) {
      Proposal withdrawn = withNotice(ProposalStatus.AWARD_WITHDRAWN,
          notice.withdrawn(all, now, by, reason.strip()));
      return Change.of(withdrawn, List.of(new IntakeEvent.ObjectionDecided(withdrawn, decided, now),
          new IntakeEvent.AwardWithdrawn(withdrawn, decided, now)));
    }
    Proposal next = withNotice(status, notice.with(all));
    Change<Proposal, IntakeEvent> dismissed = Change.of(next, new IntakeEvent.ObjectionDecided(next, decided, now));
    return dismissed.then(p -> p.finaliseIfDue(program, now));
  }

  /**
   * The award becomes final when its notice has ended and no objection is pending: AWARDED, and proposal-awarded
   * (the project starts). Nothing happens otherwise (a quiet change), so a sweep may ask at any time.
   */
  public Change<Proposal, IntakeEvent> finaliseIfDue(Program program, Instant now) {
    if (status != ProposalStatus.UNDER_NOTICE || !notice.endedAt(now) || notice.anyPending()) {
      return Change.quiet(this);
    }
    Proposal awarded = withNotice(ProposalStatus.AWARDED, notice.finalised(now));
    return Change.of(awarded, new IntakeEvent.ProposalAwarded(awarded, program, now));
  }

  public Change<Proposal, IntakeEvent> reject(String reason, String by, Instant now) {
    if (!status.beforeDecision()) {
      throw IntakeRefusal.illegalTransition("Proposal", id, status, "rejected");
    }
    if (reason == null || reason.isBlank()) {
      throw IntakeRefusal.rule("reason-required", "Reason required", "a rejection needs a reason");
    }
    Proposal rejected = with(content, ProposalStatus.REJECTED, pledge, submission, null, by, now, reason, null);
    return Change.of(rejected, new IntakeEvent.ProposalRejected(rejected, now));
  }

  public Change<Proposal, IntakeEvent> withdraw(Instant now) {
    if (!status.beforeDecision()) {
      throw IntakeRefusal.illegalTransition("Proposal", id, status, "withdrawn");
    }
    Proposal withdrawn = with(content, ProposalStatus.WITHDRAWN, pledge, submission, null, null, null, null, now);
    return Change.of(withdrawn, new IntakeEvent.ProposalWithdrawn(withdrawn, now));
  }

  /** This state as the store holds it at {@code storedVersion} (the store's answer to a write). */
  public Proposal atVersion(long storedVersion) {
    return new Proposal(id, programId, programKind, challengeId, organisationCode, organisationName, createdBy, content,
        status, pledge, submission, awardedAmountFen, decidedBy, decidedAt, rejectionReason, withdrawnAt, createdAt,
        notice, outOfRankOrderReason, storedVersion);
  }

  /** The project an award creates; its id is derived from the proposal's. */
  public String projectId() {
    return "prj-" + (id.startsWith("prp-") ? id.substring(4) : id);
  }

  /** The milestones of the project: the plan for CHALLENGE, one final acceptance (100 %) otherwise. */
  public List<Milestone> projectMilestones() {
    if (!content.milestones().isEmpty()) {
      return content.milestones();
    }
    LocalDate due = content.projectEndDate() != null ? content.projectEndDate()
        : LocalDate.ofInstant(decidedAt != null ? decidedAt : createdAt, CallWindow.ZONE).plusYears(1);
    return List.of(new Milestone(1, "Final acceptance", List.of("Final acceptance report"), due, 100));
  }

  public String milestoneId(Milestone m) {
    return projectId() + "-m" + m.sequence();
  }

  private void requireStatus(String action, ProposalStatus expected) {
    if (status != expected) {
      throw IntakeRefusal.illegalTransition("Proposal", id, status, action);
    }
  }

  private Proposal with(ProposalContent c, ProposalStatus s, Pledge p, Submission sub, Long awarded, String by,
      Instant at, String reason, Instant withdrawn) {
    return new Proposal(id, programId, programKind, challengeId, organisationCode, organisationName, createdBy, c, s, p,
        sub, awarded, by, at, reason, withdrawn, createdAt, notice, outOfRankOrderReason, version);
  }

  private Proposal withNotice(ProposalStatus s, AwardNotice n) {
    return new Proposal(id, programId, programKind, challengeId, organisationCode, organisationName, createdBy, content,
        s, pledge, submission, awardedAmountFen, decidedBy, decidedAt, rejectionReason, withdrawnAt, createdAt, n,
        outOfRankOrderReason, version);
  }

  private Proposal withOutOfRankOrderReason(String reason) {
    return new Proposal(id, programId, programKind, challengeId, organisationCode, organisationName, createdBy, content,
        status, pledge, submission, awardedAmountFen, decidedBy, decidedAt, rejectionReason, withdrawnAt, createdAt,
        notice, reason, version);
  }
}
