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

  /**
   * A decision, with what a confirmation found ({@code finding}: misconduct, project, amount to recover; null for a
   * dismissal) and the case's evidence files it rests on (metadata only, issue 15 point 4).
   */
  record CaseDecided(String caseId, Subject subject, CaseStatus decision, String reason, List<String> flagIds,
      String decidedBy, Instant decidedAt, CaseFinding finding, List<CaseFile> evidenceFiles) implements IntegrityEvent {
    public CaseDecided {
      evidenceFiles = List.copyOf(evidenceFiles == null ? List.of() : evidenceFiles);
    }

    public CaseDecided(String caseId, Subject subject, CaseStatus decision, String reason, List<String> flagIds,
        String decidedBy, Instant decidedAt, CaseFinding finding) {
      this(caseId, subject, decision, reason, flagIds, decidedBy, decidedAt, finding, List.of());
    }
  }

  record HoldPlaced(Hold hold) implements IntegrityEvent {
    public Subject subject() {
      return hold.subject();
    }
  }

  /** A hold ends by itself soon (the sweep, once per hold): an officer may still extend or lift it. */
  record HoldExpiring(Hold hold, Instant announcedAt) implements IntegrityEvent {
    public Subject subject() {
      return hold.subject();
    }
  }

  record HoldLifted(String holdId, Subject subject, HoldLiftReason reason, String note, String liftedBy,
      Instant liftedAt) implements IntegrityEvent {}
}
