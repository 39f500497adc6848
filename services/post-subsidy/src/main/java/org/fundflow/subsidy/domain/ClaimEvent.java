package org.fundflow.subsidy.domain;

import java.time.Instant;

/** What happened to an expenditure claim (past tense). */
public sealed interface ClaimEvent {

  ExpenditureClaim claim();

  record Submitted(ExpenditureClaim claim, Instant at) implements ClaimEvent {}

  record Verified(ExpenditureClaim claim, Instant at) implements ClaimEvent {}
}
