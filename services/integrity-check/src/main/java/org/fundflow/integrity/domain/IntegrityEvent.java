package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.List;

/** What happened to an integrity record, in the past tense. */
public sealed interface IntegrityEvent {

  Subject subject();

  record FlagRaised(Flag flag) implements IntegrityEvent {
    public Subject subject() {
      return flag.subject();
    }
  }

  /** @param finding what a confirmation found (misconduct, project, amount to recover); null for a dismissal */
  record CaseDecided(String caseId, Subject subject, CaseStatus decision, String reason, List<String> flagIds,
      String decidedBy, Instant decidedAt, CaseFinding finding) implements IntegrityEvent {}

  record HoldPlaced(Hold hold) implements IntegrityEvent {
    public Subject subject() {
      return hold.subject();
    }
  }

  record HoldLifted(String holdId, Subject subject, HoldLiftReason reason, String note, String liftedBy,
      Instant liftedAt) implements IntegrityEvent {}
}
