package org.fundflow.milestone.domain;

import java.time.Instant;

/** One expert on a report's panel: its declaration of no conflict and its evaluation, once given. */
public class PanelSeat {

  private final String expertId;
  private final String expertOrganisationCode;
  private final String expertPersonIdHash;
  private final Instant assignedAt;
  private Instant declaredNoConflictAt;
  private Evaluation evaluation;

  public PanelSeat(String expertId, String expertOrganisationCode, String expertPersonIdHash, Instant assignedAt, Instant declaredNoConflictAt,
      Evaluation evaluation) {
    this.expertId = expertId;
    this.expertOrganisationCode = expertOrganisationCode;
    this.expertPersonIdHash = expertPersonIdHash;
    this.assignedAt = assignedAt;
    this.declaredNoConflictAt = declaredNoConflictAt;
    this.evaluation = evaluation;
  }

  public boolean hasDeclared() {
    return declaredNoConflictAt != null;
  }

  public boolean hasScored() {
    return evaluation != null;
  }

  void declareNoConflict(Instant at) {
    this.declaredNoConflictAt = at;
  }

  void evaluate(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  public String getExpertId() {
    return expertId;
  }

  public String getExpertOrganisationCode() {
    return expertOrganisationCode;
  }

  public String getExpertPersonIdHash() {
    return expertPersonIdHash;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  public Instant getDeclaredNoConflictAt() {
    return declaredNoConflictAt;
  }

  public Evaluation getEvaluation() {
    return evaluation;
  }
}
