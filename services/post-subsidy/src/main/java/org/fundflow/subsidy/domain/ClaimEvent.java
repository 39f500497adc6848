package org.fundflow.subsidy.domain;

import java.time.Instant;
import java.util.List;

/** What happened to an expenditure claim (past tense). */
public sealed interface ClaimEvent {

  ExpenditureClaim claim();

  record Submitted(ExpenditureClaim claim, Instant at) implements ClaimEvent {}

  /** Decided (VERIFIED or REJECTED), with the evidence files the decision rests on (metadata only). */
  record Verified(ExpenditureClaim claim, Instant at, List<EvidenceFile> evidenceFiles) implements ClaimEvent {
    public Verified {
      evidenceFiles = List.copyOf(evidenceFiles == null ? List.of() : evidenceFiles);
    }

    public Verified(ExpenditureClaim claim, Instant at) {
      this(claim, at, List.of());
    }
  }
}
