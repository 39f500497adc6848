package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A terminated project of an organisation and what 尽职免责 (issue 17 point 3) made of it: AWAITING_ASSESSMENT until
 * the program manager's diligence assessment arrives, then EXEMPTED (performed its duties diligently, no misconduct:
 * no flag) or FLAGGED (not diligent, or misconduct: the PROJECT_FAILED flag {@code flagId}).
 */
public record ProjectFailure(String projectId, String programId, String reason, Instant terminatedAt,
    ProjectFailureStatus status, Diligence diligence, String flagId) {

  public ProjectFailure {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(status, "status");
  }

  /** The program manager's assessment of the team's diligence, as carried by {@code diligence-assessed}. */
  public record Diligence(boolean diligent, boolean misconduct, String explanation, List<String> evidenceRefs,
      String assessedBy, Instant assessedAt, String eventId) {

    public Diligence {
      evidenceRefs = List.copyOf(evidenceRefs == null ? List.of() : evidenceRefs);
    }

    /** 尽职免责: diligent and no misconduct. */
    public boolean exempts() {
      return diligent && !misconduct;
    }
  }

  public enum ProjectFailureStatus { AWAITING_ASSESSMENT, EXEMPTED, FLAGGED }

  public static ProjectFailure awaiting(String projectId, String programId, String reason, Instant terminatedAt) {
    return new ProjectFailure(projectId, programId, reason, terminatedAt, ProjectFailureStatus.AWAITING_ASSESSMENT,
        null, null);
  }

  public boolean decided() {
    return status != ProjectFailureStatus.AWAITING_ASSESSMENT;
  }

  ProjectFailure exempted(Diligence d) {
    return new ProjectFailure(projectId, programId, reason, terminatedAt, ProjectFailureStatus.EXEMPTED, d, null);
  }

  ProjectFailure flagged(Diligence d, String flag) {
    return new ProjectFailure(projectId, programId, reason, terminatedAt, ProjectFailureStatus.FLAGGED, d, flag);
  }
}
