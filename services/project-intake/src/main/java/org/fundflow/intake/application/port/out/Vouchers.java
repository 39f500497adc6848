package org.fundflow.intake.application.port.out;

import java.util.List;
import java.util.Set;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The innovation vouchers (issue 18 point 1). */
public interface Vouchers {

  /** Filters of a list; null means any. Ordered by id, after the given id. */
  record Filter(String organisationCode, String providerOrganisationCode, String programId, VoucherStatus status,
      String afterId, int limit) {}

  /** The voucher at its stored version. */
  Mono<Voucher> find(String id);

  /** How many vouchers the enterprise received in the program in the calendar year. */
  Mono<Long> countIssued(String programId, String organisationCode, int year);

  /** The voucher an earlier application with this Idempotency-Key of the organisation issued. */
  Mono<Voucher> findByIdempotencyKey(String organisationCode, String idempotencyKey);

  Flux<Voucher> list(Filter filter);

  /**
   * Stores the voucher and its events in one atomic write: creates it when its version is 0 (an id that exists, e.g.
   * the same n-th voucher issued concurrently, is the platform's ConcurrentChange: decide again), otherwise only while
   * the stored version is still the voucher's.
   *
   * @return the voucher as stored, at its new version
   */
  Mono<Voucher> save(Voucher voucher, List<IntakeEvent> events);

  /** Of these voucher ids, those that exist (the document sweep keeps their contract documents). */
  Mono<Set<String>> existing(Set<String> ids);
}
