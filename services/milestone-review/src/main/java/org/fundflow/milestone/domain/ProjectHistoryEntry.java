package org.fundflow.milestone.domain;

import java.time.Instant;

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
}
