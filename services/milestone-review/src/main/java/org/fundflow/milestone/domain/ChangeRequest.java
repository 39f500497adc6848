package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An applicant's request to change an awarded project (issue 17 point 5), decided by a program manager.
 * {@link Kind#MILESTONE_DUE_DATE}: {@code milestoneId} + {@code newDueDate}; {@link Kind#BUDGET_REALLOCATION}:
 * the new {@code budgetLines}, adding up to the awarded amount; {@link Kind#TEAM_CHANGE}: the new
 * {@code teamOrganisationCodes} (the other organisations of the team).
 */
public record ChangeRequest(String id, Kind kind, String milestoneId, LocalDate newDueDate,
    List<BudgetLine> budgetLines, List<String> teamOrganisationCodes, String justification, String requestedBy,
    Instant requestedAt, Status status, String decidedBy, Instant decidedAt, String decisionReason) {

  public enum Kind { MILESTONE_DUE_DATE, BUDGET_REALLOCATION, TEAM_CHANGE }

  public enum Status { PENDING, APPROVED, REFUSED }

  public ChangeRequest {
    budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : List.copyOf(teamOrganisationCodes);
  }

  /** The request as a program manager decided it; a request is decided once. */
  ChangeRequest decided(boolean approved, String by, Instant at, String reason) {
    if (status != Status.PENDING) {
      throw DomainRuleException.illegal("change-request-decided",
          "change request " + id + " is " + status + " already");
    }
    return new ChangeRequest(id, kind, milestoneId, newDueDate, budgetLines, teamOrganisationCodes, justification,
        requestedBy, requestedAt, approved ? Status.APPROVED : Status.REFUSED, by, at, reason);
  }

  /**
   * Refuses a request that cannot apply to {@code project} as it is now: a due date of a milestone still open, budget
   * lines (distinct categories, amounts >= 0) adding up to the awarded amount, a team without the applicant
   * organisation. Checked when it is made and again when it is approved.
   */
  void requireApplicableTo(Project project) {
    switch (kind) {
      case MILESTONE_DUE_DATE -> {
        if (milestoneId == null || newDueDate == null) {
          throw DomainRuleException.rule("invalid-change-request", "a due-date change names a milestone and its new due date");
        }
        Milestone m = project.milestone(milestoneId);
        if (m.status() == MilestoneStatus.ACCEPTED || m.status() == MilestoneStatus.FAILED) {
          throw DomainRuleException.illegal("milestone-closed",
              "milestone " + m.id() + " is " + m.status() + ": its due date can no longer change");
        }
      }
      case BUDGET_REALLOCATION -> {
        List<BudgetLine> lines = budgetLines;
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.category() == null || l.category().isBlank()
            || l.amountFen() < 0)) {
          throw DomainRuleException.rule("invalid-change-request",
              "a budget reallocation lists budget lines, each with a category and an amount >= 0 fen");
        }
        if (lines.stream().map(BudgetLine::category).distinct().count() != lines.size()) {
          throw DomainRuleException.rule("invalid-change-request", "a budget category appears twice");
        }
        long total = lines.stream().mapToLong(BudgetLine::amountFen).sum();
        if (total != project.awardedAmountFen()) {
          throw DomainRuleException.rule("budget-not-balanced", "the budget lines add up to " + total
              + " fen; a reallocation keeps the awarded amount of " + project.awardedAmountFen() + " fen");
        }
      }
      case TEAM_CHANGE -> {
        if (teamOrganisationCodes.contains(project.organisationCode())) {
          throw DomainRuleException.rule("invalid-change-request",
              "the team's other organisations do not include the applicant organisation " + project.organisationCode());
        }
      }
    }
  }

  /**
   * The project with this (approved) change applied; checked again first, as the project may have moved on since the
   * request (e.g. the milestone was accepted).
   */
  Project appliedTo(Project project) {
    requireApplicableTo(project);
    return switch (kind) {
      case MILESTONE_DUE_DATE -> project.withMilestone(project.milestone(milestoneId).dueOn(newDueDate));
      case BUDGET_REALLOCATION -> project.withTeamAndBudget(project.teamOrganisationCodes(), budgetLines);
      case TEAM_CHANGE -> project.withTeamAndBudget(teamOrganisationCodes, project.budgetLines());
    };
  }

  /** What the change asks for, in words (the history's detail). */
  public String describe() {
    return switch (kind) {
      case MILESTONE_DUE_DATE -> "milestone " + milestoneId + " due " + newDueDate;
      case BUDGET_REALLOCATION -> "budget " + budgetLines.stream()
          .map(l -> l.category() + "=" + l.amountFen() + " fen").toList();
      case TEAM_CHANGE -> "team organisations " + teamOrganisationCodes;
    };
  }
}
