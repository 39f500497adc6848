package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * The project's milestone plan. GENERAL projects get exactly one final-acceptance milestone (100 %); CHALLENGE
   * plans must have unique milestones whose tranche percentages add up to 100.
   */
  List<Milestone> plan() {
    if (awardedAmountFen < 0) {
      throw DomainRuleException.rule("invalid-award", "awarded amount is negative");
    }
    if (programKind == ProgramKind.GENERAL) {
      PlannedMilestone given = milestones.size() == 1 ? milestones.get(0) : null;
      return List.of(Milestone.planned(
          given != null ? given.milestoneId() : projectId + "-final",
          1,
          given != null && given.title() != null ? given.title() : "Final acceptance",
          given != null ? given.deliverables() : allDeliverables(),
          given != null ? given.dueDate()
              : milestones.stream().map(PlannedMilestone::dueDate).filter(d -> d != null)
                  .max(Comparator.naturalOrder()).orElse(null),
          100));
    }
    if (milestones.isEmpty()) {
      throw DomainRuleException.rule("invalid-award", "a " + programKind + " award needs a milestone plan");
    }
    List<Milestone> plan = new ArrayList<>();
    int sum = 0;
    Set<Integer> sequences = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (PlannedMilestone m : milestones) {
      if (!sequences.add(m.sequence()) || !ids.add(m.milestoneId())) {
        throw DomainRuleException.rule("invalid-award", "milestone ids and sequences must be unique");
      }
      if (m.tranchePercent() < 0 || m.tranchePercent() > 100) {
        throw DomainRuleException.rule("invalid-award", "tranche percent out of range: " + m.tranchePercent());
      }
      sum += m.tranchePercent();
      plan.add(Milestone.planned(m.milestoneId(), m.sequence(), m.title(), m.deliverables(), m.dueDate(),
          m.tranchePercent()));
    }
    if (sum != 100) {
      throw DomainRuleException.rule("invalid-award", "tranche percentages add up to " + sum + ", not 100");
    }
    return plan;
  }

  /**
   * What a GENERAL project's final acceptance checks when the applicant planned several stages: every deliverable of
   * the plan, once each, in the plan's order (without them the applicant could not report: a report names at least one
   * deliverable met).
   */
  private List<String> allDeliverables() {
    Set<String> all = new LinkedHashSet<>();
    milestones.stream().sorted(Comparator.comparingInt(PlannedMilestone::sequence))
        .forEach(m -> all.addAll(m.deliverables() == null ? List.of() : m.deliverables()));
    return List.copyOf(all);
  }

  /** The team's organisations but the applicant's own (the events list only the others). */
  List<String> otherTeamOrganisations() {
    Set<String> team = new LinkedHashSet<>(teamOrganisationCodes);
    team.remove(organisationCode);
    return List.copyOf(team);
  }

  public record PlannedMilestone(String milestoneId, int sequence, String title, List<String> deliverables,
      LocalDate dueDate, int tranchePercent) {}
}
