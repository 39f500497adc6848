package org.fundflow.intake.domain;

import java.time.Instant;

/** The facts intake records, in the past tense; adapters turn them into integration events. */
public sealed interface IntakeEvent {

  Instant at();

  record ProgramPublished(Program program, Instant at) implements IntakeEvent {}

  record ProgramChanged(Program program, Instant at) implements IntakeEvent {}

  record ChallengePublished(Challenge challenge, Instant at) implements IntakeEvent {}

  record ProposalSubmitted(Proposal proposal, Instant at) implements IntakeEvent {}

  record ProposalWithdrawn(Proposal proposal, Instant at) implements IntakeEvent {}

  record ProposalAwarded(Proposal proposal, Program program, Instant at) implements IntakeEvent {}

  record ProposalRejected(Proposal proposal, Instant at) implements IntakeEvent {}
}
