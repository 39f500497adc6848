package org.fundflow.subsidy.application.port.in;

import org.fundflow.platform.domain.ExpectedVersion;
import java.util.Objects;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.Payee;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The finance workflow on disbursements and the queries on them. */
public interface DisbursementsUseCase {

  /** @param expectedVersion from If-Match: {@link ExpectedVersion#any()} when the caller did not send one */
  record PrepareCommand(String disbursementId, ExpectedVersion expectedVersion, Payee payee, String by,
      String correlationId) {
    public PrepareCommand {
      Objects.requireNonNull(disbursementId);
      Objects.requireNonNull(expectedVersion);
      Objects.requireNonNull(payee);
      Objects.requireNonNull(by);
    }
  }

  record ReleaseCommand(String disbursementId, ExpectedVersion expectedVersion, String idempotencyKey,
      String paymentReference, String by, String correlationId) {
    public ReleaseCommand {
      Objects.requireNonNull(disbursementId);
      Objects.requireNonNull(expectedVersion);
      Objects.requireNonNull(by);
      if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
        throw new IllegalArgumentException("an Idempotency-Key of 1-200 characters is required");
      }
      if (paymentReference == null || paymentReference.isBlank()) {
        throw new IllegalArgumentException("a payment reference is required");
      }
    }
  }

  /** Filters of a list; organisationCode is forced to the caller's own for applicants. */
  record Filter(DisbursementStatus status, String programId, String organisationCode, String projectId) {}

  Mono<Disbursement> prepare(PrepareCommand command);

  Mono<Disbursement> release(ReleaseCommand command);

  Mono<Disbursement> find(String id);

  Flux<Disbursement> search(Filter filter);

  /** Finishes or undoes budget reservations a crash left behind (older than the grace period). */
  Mono<Integer> reconcile();
}
