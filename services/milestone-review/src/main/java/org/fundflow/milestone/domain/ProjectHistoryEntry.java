package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;

/**
 * One post-award step in a project's history (issue 17 point 5): who did what, when and why. Kept with the project,
 * shown on {@code GET /projects/{id}/history}; never changed once written.
 *
 * @param action what happened ({@link Action})
 * @param by the acting user's id, or {@code system} for the sweep and panel decisions
 * @param subjectId the milestone or change request the step is about, if any
 */
public record ProjectHistoryEntry(Instant at, String by, Action action, String reason, String subjectId,
    String detail) {

  public static final String SYSTEM = "system";

  public enum Action {
    SUSPENDED, RESUMED, TERMINATED, CHANGE_REQUESTED, CHANGE_APPROVED, CHANGE_REFUSED, MILESTONE_DUE_REMINDER,
    MILESTONE_OVERDUE
  }

  /** A post-award step is taken with a reason. */
  static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw DomainRuleException.rule("reason-required", "a reason is required");
    }
  }

  static ProjectHistoryEntry terminated(Instant at, String by, String reason, String subjectId,
      TerminationCause cause) {
    return new ProjectHistoryEntry(at, by, Action.TERMINATED, reason, subjectId, cause.name());
  }

  static ProjectHistoryEntry overdue(Milestone milestone, Instant at) {
    return new ProjectHistoryEntry(at, SYSTEM, Action.MILESTONE_OVERDUE, "due " + milestone.dueDate() + ", no report",
        milestone.id(), null);
  }

  static ProjectHistoryEntry reminded(Milestone milestone, Instant at) {
    return new ProjectHistoryEntry(at, SYSTEM, Action.MILESTONE_DUE_REMINDER, "due " + milestone.dueDate(),
        milestone.id(), null);
  }

  static ProjectHistoryEntry changeRequested(ChangeRequest request, String by) {
    return new ProjectHistoryEntry(request.requestedAt(), by, Action.CHANGE_REQUESTED, request.justification(),
        request.id(), request.describe());
  }

  static ProjectHistoryEntry changeDecided(ChangeRequest decided) {
    return new ProjectHistoryEntry(decided.decidedAt(), decided.decidedBy(),
        decided.status() == ChangeRequest.Status.APPROVED ? Action.CHANGE_APPROVED : Action.CHANGE_REFUSED,
        decided.decisionReason(), decided.id(), decided.describe());
  }

  /** The reason of the last entry of {@code history} with this action, if any. */
  static String lastReason(List<ProjectHistoryEntry> history, Action action) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).action() == action) {
        return history.get(i).reason();
      }
    }
    return null;
  }
}
