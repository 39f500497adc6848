package org.fundflow.subsidy.domain;

import java.time.Instant;

/** What happened to a disbursement (past tense). Integration events are mapped from these in an adapter. */
public sealed interface DisbursementEvent {

  Disbursement disbursement();

  record Created(Disbursement disbursement, Instant at) implements DisbursementEvent {}

  /** A finance officer checked the payee and prepared it: it is ready for a finance approver to release. */
  record Prepared(Disbursement disbursement, Instant at) implements DisbursementEvent {}

  record Held(Disbursement disbursement, String holdId, Instant at) implements DisbursementEvent {}

  record Released(Disbursement disbursement, Instant at) implements DisbursementEvent {}

  record Cancelled(Disbursement disbursement, String reason, Instant at) implements DisbursementEvent {}
}
