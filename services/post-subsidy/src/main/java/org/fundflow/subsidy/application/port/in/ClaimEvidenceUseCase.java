package org.fundflow.subsidy.application.port.in;

import org.fundflow.subsidy.domain.ExpenditureClaim;
import reactor.core.publisher.Mono;

/**
 * Claim evidence (issue 15): the claimant organisation attaches audited financial statements and tax forms to its
 * claim while it waits for verification; the claim's readers (the organisation, finance, auditors) read them.
 */
public interface ClaimEvidenceUseCase {

  /** The claim if {@code organisationCode} claimed it and it is not decided yet: 404 for another organisation, 409 once decided. */
  Mono<ExpenditureClaim> attachable(String claimId, String organisationCode);
}
