package org.fundflow.subsidy.application.port.in;

import org.fundflow.subsidy.domain.RecoveryOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 追回 (issue 17 point 4): recovery orders opened by confirmed misconduct, settled by finance with four-eyes. */
public interface RecoveriesUseCase {

  /** From integrity-check's case-decided: CONFIRMED misconduct about a project. Idempotent: one order per project. */
  record CaseConfirmed(String caseId, String organisationCode, String projectId, Long recoveryAmountFen,
      String eventId) {}

  Mono<Void> caseConfirmed(CaseConfirmed event);

  record Record(String recoveryId, RecoveryOrder.Outcome outcome, Long repaidFen, String paymentReference,
      String note, String by) {}

  Mono<RecoveryOrder> record(Record command);

  Mono<RecoveryOrder> approve(String recoveryId, String by);

  Mono<RecoveryOrder> refuse(String recoveryId, String reason, String by);

  Mono<RecoveryOrder> find(String recoveryId);

  /** organisationCode null: every order (finance, auditors). */
  Flux<RecoveryOrder> list(String organisationCode);
}
