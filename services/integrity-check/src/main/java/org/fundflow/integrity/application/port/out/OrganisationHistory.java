package org.fundflow.integrity.application.port.out;

import java.util.List;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Claim;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Release;
import reactor.core.publisher.Mono;

/** The organisation's expenditure claims and released subsidies, kept idempotently. */
public interface OrganisationHistory {

  /** Records the claim (once per claim id) and returns all claims of the organisation. */
  Mono<List<Claim>> recordClaim(Claim claim);

  /** Adds the release to the organisation's total (once per disbursement id) and returns the total. */
  Mono<Long> recordRelease(Release release);
}
