package org.fundflow.intake.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What an applicant writes in a proposal. Whatever is given must be consistent (budget lines add
 * up to the requested amount, milestones add up to 100 % and fall into the project period);
 * completeness is checked at submission.
 */
public record ProposalContent(String title, String abstractText, List<String> keywords, long requestedAmountFen,
    List<BudgetLine> budgetLines, TeamMember principalInvestigator, List<TeamMember> team,
    List<Attachment> attachments, LocalDate projectStartDate, LocalDate projectEndDate, List<Milestone> milestones) {

  public ProposalContent {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    team = team == null ? List.of() : List.copyOf(team);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    if (title == null || title.isBlank()) {
      throw IntakeRefusal.rule("invalid-proposal", "Invalid proposal", "a proposal needs a title");
    }
    if (requestedAmountFen <= 0) {
      throw IntakeRefusal.rule("invalid-proposal", "Invalid proposal", "requestedAmountFen must be positive");
    }
    if (!budgetLines.isEmpty()) {
      long sum = 0;
      boolean overflow = false;
      for (BudgetLine line : budgetLines) {
        try {
          sum = Math.addExact(sum, line.amountFen());
        } catch (ArithmeticException e) {
          overflow = true; // lines that add up beyond any amount can never equal the requested amount
          break;
        }
      }
      if (overflow || sum != requestedAmountFen) {
        throw IntakeRefusal.rule("budget-mismatch", "Budget lines do not add up",
            (overflow ? "the budget lines add up to more than any amount" : "the budget lines add up to " + sum + " fen")
                + ", the requested amount is " + requestedAmountFen + " fen",
            java.util.Map.of("budgetLinesTotalFen", sum, "requestedAmountFen", requestedAmountFen));
      }
    }
    if (projectStartDate != null && projectEndDate != null && projectEndDate.isBefore(projectStartDate)) {
      throw IntakeRefusal.rule("invalid-project-period", "Invalid project period", "the project cannot end before it starts");
    }
    if (!milestones.isEmpty()) {
      checkMilestones(milestones, projectStartDate, projectEndDate);
    }
  }

  /** What a submission needs besides consistency: a principal investigator, budget lines, an abstract, a plan. */
  void requireComplete(ProgramKind programKind) {
    if (principalInvestigator == null) {
      throw IntakeRefusal.rule("incomplete-proposal", "Proposal incomplete", "a principal investigator is required");
    }
    if (budgetLines.isEmpty()) {
      throw IntakeRefusal.rule("incomplete-proposal", "Proposal incomplete",
          "budget lines adding up to the requested amount are required");
    }
    if (abstractText == null || abstractText.isBlank()) {
      throw IntakeRefusal.rule("incomplete-proposal", "Proposal incomplete", "an abstract is required");
    }
    if (programKind == ProgramKind.CHALLENGE && milestones.isEmpty()) {
      throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
          "a CHALLENGE proposal needs a milestone plan with at least one milestone");
    }
  }

  private static void checkMilestones(List<Milestone> milestones, LocalDate start, LocalDate end) {
    if (start == null || end == null) {
      throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
          "a milestone plan needs the project period (projectStartDate, projectEndDate)");
    }
    int sum = 0;
    for (int i = 0; i < milestones.size(); i++) {
      Milestone m = milestones.get(i);
      if (m.sequence() != i + 1) {
        throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan", "milestones must be numbered 1, 2, 3 ... in order");
      }
      if (m.dueDate().isBefore(start) || m.dueDate().isAfter(end)) {
        throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
            "milestone " + m.sequence() + " is due " + m.dueDate() + ", outside the project period " + start + " to " + end);
      }
      if (i > 0 && m.dueDate().isBefore(milestones.get(i - 1).dueDate())) {
        throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan", "milestones must be in order of their due dates");
      }
      sum += m.tranchePercent();
    }
    if (sum != 100) {
      throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
          "the tranche percentages add up to " + sum + ", they must add up to exactly 100",
          java.util.Map.of("tranchePercentTotal", sum));
    }
  }
}
