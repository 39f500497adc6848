package org.fundflow.milestone.adapter.in.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/** This service's copy of {@code fundflow.intake.proposal-awarded.v1}: only what a project needs (tolerant reader). */
public record ProposalAwardedMessage(
    @NotBlank String proposalId,
    @NotBlank String projectId,
    @NotBlank String programId,
    @NotBlank String programKind,
    String challengeId,
    @NotBlank String organisationCode,
    String organisationName,
    String title,
    @NotNull @PositiveOrZero Long awardedAmountFen,
    @Valid List<PlannedMilestone> milestones,
    @Valid Person principalInvestigator,
    @Valid List<Person> team,
    Instant awardedAt) {

  public record PlannedMilestone(
      @NotBlank String milestoneId,
      @NotNull Integer sequence,
      String title,
      List<String> deliverables,
      String dueDate,
      @NotNull @PositiveOrZero Integer tranchePercent) {}

  /** A team member or the principal investigator: only the organisation matters here (conflicts of interest). */
  public record Person(String personIdHash, String name, String organisationCode) {}
}
