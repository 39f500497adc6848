package org.fundflow.milestone.domain;

/** Where a milestone stands. */
public enum MilestoneStatus {
  /** waiting for a (first, or after one FAILED review, a new) report */
  OPEN,
  /** still waiting for its report after its due date (Asia/Shanghai) passed: a late report is still accepted */
  OVERDUE,
  /** a report is being reviewed */
  UNDER_REVIEW,
  /** CONDITIONAL: a rectified report may be submitted until rectifyBy */
  RECTIFYING,
  /** PASSED while the organisation is under an integrity hold: accepted when the hold lifts */
  ACCEPTANCE_ON_HOLD,
  ACCEPTED,
  FAILED
}
