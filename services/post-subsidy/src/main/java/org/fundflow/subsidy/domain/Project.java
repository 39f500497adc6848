package org.fundflow.subsidy.domain;

import java.util.List;

/**
 * What this service knows of an awarded project: enough to compute its advance, balance and
 * tranches, and whether it was terminated.
 *
 * @param advanceFen the GENERAL advance computed at award (0 for CHALLENGE)
 */
public record Project(String id, String programId, ProgramKind kind, String organisationCode, long awardedFen,
    long advanceFen, List<TrancheSchedule.Milestone> milestones, boolean terminated, String terminationReason,
    boolean suspended) {

  public Project {
    milestones = List.copyOf(milestones == null ? List.of() : milestones);
  }

  /** A project that is not suspended (issue 17 point 5: suspension is a later fact). */
  public Project(String id, String programId, ProgramKind kind, String organisationCode, long awardedFen,
      long advanceFen, List<TrancheSchedule.Milestone> milestones, boolean terminated, String terminationReason) {
    this(id, programId, kind, organisationCode, awardedFen, advanceFen, milestones, terminated, terminationReason,
        false);
  }
}
