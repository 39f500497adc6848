package org.fundflow.subsidy.application.port.out;

import java.util.List;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.Filter;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.StatusTotal;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored disbursements; every write stores the state and its events in one atomic document write. */
public interface Disbursements {

  Mono<Disbursement> findById(String id);

  /** @return true when created, false when a disbursement with this (trigger-derived) id exists already */
  Mono<Boolean> create(Disbursement disbursement, List<DisbursementEvent> events, String appliedEventId);

  /**
   * Writes {@code next} if the stored version is still {@code next.version()}.
   *
   * @return true when written, false when {@code appliedEventId} was applied before
   * @throws org.fundflow.platform.domain.ConcurrentChange (in the Mono) when the version moved on
   */
  Mono<Boolean> update(Disbursement next, List<DisbursementEvent> events, String appliedEventId);

  Flux<Disbursement> findOpenByOrganisation(String organisationCode);

  Flux<Disbursement> findOnHoldByOrganisation(String organisationCode);

  Flux<Disbursement> findByProject(String projectId);

  /** At most {@code limit} disbursements matching the filter with an id after {@code after} (null: any), in id order. */
  Flux<Disbursement> page(Filter filter, String after, int limit);

  /** The count and amount per status of all disbursements matching the filter, computed by the store. */
  Flux<StatusTotal> totals(Filter filter);

  /** Sum of the amounts of CREATED, PREPARED and ON_HOLD disbursements of a program: owed, not yet reserved. */
  Mono<Long> outstandingFen(String programId);
}
