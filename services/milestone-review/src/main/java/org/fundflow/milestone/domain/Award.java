package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An awarded proposal, as this context needs it to open a project. */
public record Award(
    String projectId,
    String proposalId,
    String programId,
    ProgramKind programKind,
    String challengeId,
    String organisationCode,
    String organisationName,
    String title,
    long awardedAmountFen,
    List<PlannedMilestone> milestones,
    List<String> teamOrganisationCodes,
    List<String> teamPersonIdHashes,
    Instant awardedAt) {

  public Award {
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : List.copyOf(teamOrganisationCodes);
    teamPersonIdHashes = teamPersonIdHashes == null ? List.of() : List.copyOf(teamPersonIdHashes);
  }

  public record PlannedMilestone(String milestoneId, int sequence, String title, List<String> deliverables,
      LocalDate dueDate, int tranchePercent) {}
}
