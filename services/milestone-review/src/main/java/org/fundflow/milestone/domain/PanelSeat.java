package org.fundflow.milestone.domain;

import java.time.Instant;

/** One expert on a report's panel: its declaration of no conflict and its evaluation, once given. Immutable. */
public record PanelSeat(String expertId, String expertOrganisationCode, String expertPersonIdHash, Instant assignedAt,
    Instant declaredNoConflictAt, Evaluation evaluation) {

  public boolean hasDeclared() {
    return declaredNoConflictAt != null;
  }

  public boolean hasScored() {
    return evaluation != null;
  }

  static PanelSeat assigned(ExpertProfile expert, Instant at) {
    return new PanelSeat(expert.id(), expert.organisationCode(), expert.personIdHash(), at, null, null);
  }

  PanelSeat declaredNoConflict(Instant at) {
    return new PanelSeat(expertId, expertOrganisationCode, expertPersonIdHash, assignedAt, at, evaluation);
  }

  PanelSeat evaluated(Evaluation evaluation) {
    return new PanelSeat(expertId, expertOrganisationCode, expertPersonIdHash, assignedAt, declaredNoConflictAt,
        evaluation);
  }
}
