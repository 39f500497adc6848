package org.fundflow.intake.domain;

import java.time.LocalDate;
import java.util.List;

/** A stage of a CHALLENGE project: deliverables, a due date and the share of the award paid on it. */
public record Milestone(int sequence, String title, List<String> deliverables, LocalDate dueDate, int tranchePercent) {

  public Milestone {
    deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
    if (title == null || title.isBlank() || deliverables.isEmpty() || dueDate == null) {
      throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
          "milestone " + sequence + " needs a title, at least one deliverable and a due date");
    }
    if (tranchePercent <= 0 || tranchePercent > 100) {
      throw IntakeRefusal.rule("invalid-milestone-plan", "Invalid milestone plan",
          "milestone " + sequence + " needs a tranche percentage between 1 and 100");
    }
  }
}
