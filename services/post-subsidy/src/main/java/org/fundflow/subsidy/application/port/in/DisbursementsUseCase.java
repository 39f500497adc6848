package org.fundflow.subsidy.application.port.in;

import java.util.List;
import org.fundflow.platform.domain.ExpectedVersion;
import java.util.Objects;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.Payee;
import reactor.core.publisher.Mono;

/** The finance workflow on disbursements and the queries on them. */
public interface DisbursementsUseCase {

  /**
   * @param expectedVersion from If-Match: {@link ExpectedVersion#any()} when the caller did not send one
   * @param idempotencyKey from Idempotency-Key (null when the caller sent none): the same key with the same request
   *     again is answered with the disbursement as it is, without a second change; with another request it is refused
   */
  record PrepareCommand(String disbursementId, ExpectedVersion expectedVersion, Payee payee, String by,
      String idempotencyKey) {
    public PrepareCommand {
      Objects.requireNonNull(disbursementId);
      Objects.requireNonNull(expectedVersion);
      Objects.requireNonNull(payee);
      Objects.requireNonNull(by);
      if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
        throw new IllegalArgumentException("an Idempotency-Key has 1-200 characters");
      }
    }

    public PrepareCommand(String disbursementId, ExpectedVersion expectedVersion, Payee payee, String by) {
      this(disbursementId, expectedVersion, payee, by, null);
    }

    /** What identifies this request's content: the disbursement, the payee as checked and who prepares. */
    public java.util.List<String> fingerprint() {
      return java.util.List.of(disbursementId, payee.name(), payee.bank(), payee.accountNumber(), by);
    }
  }

  record ReleaseCommand(String disbursementId, ExpectedVersion expectedVersion, String idempotencyKey,
      String paymentReference, String by) {
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

  /**
   * Filters of a list; organisationCode is forced to the caller's own for applicants. {@code releasedFrom} (inclusive)
   * and {@code releasedTo} (exclusive) bound the release time (null: unbounded).
   */
  record Filter(DisbursementStatus status, String programId, String organisationCode, String projectId,
      java.time.Instant releasedFrom, java.time.Instant releasedTo) {

    public Filter(DisbursementStatus status, String programId, String organisationCode, String projectId) {
      this(status, programId, organisationCode, projectId, null, null);
    }
  }

  Mono<Disbursement> prepare(PrepareCommand command);

  Mono<Disbursement> release(ReleaseCommand command);

  Mono<Disbursement> find(String id);

  /** The count and amount of the matching disbursements of one status. */
  record StatusTotal(DisbursementStatus status, long count, long amountFen) {}

  /**
   * One page of the disbursements matching a filter, in id order after {@code after} (keyset paging; null: from the
   * first), {@code nextAfter} the last id when the page is full, and the totals per status of all that match, all
   * read from the store (the page by a limited query, the totals by an aggregation), never the whole list in memory.
   */
  record Listing(List<Disbursement> page, String nextAfter, List<StatusTotal> totals) {}

  Mono<Listing> list(Filter filter, String after, int limit);

  /** Finishes or undoes budget reservations a crash left behind (older than the grace period). */
  Mono<Integer> reconcile();
}
