package org.fundflow.intake.domain;

import java.time.Instant;

/** The facts intake records, in the past tense; adapters turn them into integration events. */
public sealed interface IntakeEvent {

  Instant at();

  record ProgramPublished(Program program, Instant at) implements IntakeEvent {}

  record ProgramChanged(Program program, Instant at) implements IntakeEvent {}

  record ChallengePublished(Challenge challenge, Instant at) implements IntakeEvent {}

  /** {@code files}: the proposal's stored files at submission (metadata only, never bytes). */
  record ProposalSubmitted(Proposal proposal, Instant at, java.util.List<ProposalFile> files) implements IntakeEvent {

    public ProposalSubmitted {
      files = files == null ? java.util.List.of() : java.util.List.copyOf(files);
    }

    public ProposalSubmitted(Proposal proposal, Instant at) {
      this(proposal, at, java.util.List.of());
    }
  }

  record ProposalWithdrawn(Proposal proposal, Instant at) implements IntakeEvent {}

  /** 立项评审: the proposal passed screening and goes to the expert review panel with its program's rubric. */
  record ProposalScreened(Proposal proposal, ExpertReview review, Instant at) implements IntakeEvent {}

  record ProposalAwarded(Proposal proposal, Program program, Instant at) implements IntakeEvent {}

  record ProposalRejected(Proposal proposal, Instant at) implements IntakeEvent {}

  /** An award went under public notice (issue 17 point 2); the proposal carries the notice and its end. */
  record AwardNoticeStarted(Proposal proposal, Instant at) implements IntakeEvent {}

  record ObjectionLodged(Proposal proposal, Objection objection, Instant at) implements IntakeEvent {}

  record ObjectionDecided(Proposal proposal, Objection objection, Instant at) implements IntakeEvent {}

  /** An upheld objection withdrew the award: its amount goes back to the program's budget. */
  record AwardWithdrawn(Proposal proposal, Objection upheld, Instant at) implements IntakeEvent {}

  // ---------------------------------------------------------------- innovation vouchers (issue 18 point 1)

  record VoucherIssued(org.fundflow.intake.domain.voucher.Voucher voucher, Instant at) implements IntakeEvent {}

  record VoucherContracted(org.fundflow.intake.domain.voucher.Voucher voucher, Instant at) implements IntakeEvent {}

  record VoucherRedeemed(org.fundflow.intake.domain.voucher.Voucher voucher, Instant at) implements IntakeEvent {}

  record ServiceProviderApproved(org.fundflow.intake.domain.voucher.ServiceProvider provider, Instant at)
      implements IntakeEvent {}
}
