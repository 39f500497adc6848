package org.fundflow.subsidy.application.port.out;

import java.util.List;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase.Filter;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface Claims {

  Mono<ExpenditureClaim> findById(String id);

  /** @return false when a claim with this id (organisation, program, year) exists already */
  Mono<Boolean> create(ExpenditureClaim claim, List<ClaimEvent> events);

  /** @throws org.fundflow.platform.domain.ConcurrentChange (in the Mono) when the version moved on */
  Mono<Void> update(ExpenditureClaim next, List<ClaimEvent> events);

  Flux<ExpenditureClaim> search(Filter filter);

  /** Subsidy granted by the organisation's other VERIFIED claims of that program and year. */
  Mono<Long> grantedFen(String programId, String organisationCode, int fiscalYear, String excludingClaimId);
}
