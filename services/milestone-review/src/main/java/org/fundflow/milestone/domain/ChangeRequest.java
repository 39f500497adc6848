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

  ChangeRequest decided(boolean approved, String by, Instant at, String reason) {
    return new ChangeRequest(id, kind, milestoneId, newDueDate, budgetLines, teamOrganisationCodes, justification,
        requestedBy, requestedAt, approved ? Status.APPROVED : Status.REFUSED, by, at, reason);
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
