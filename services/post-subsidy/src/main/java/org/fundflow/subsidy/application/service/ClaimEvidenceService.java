package org.fundflow.subsidy.application.service;

import org.fundflow.subsidy.application.port.in.ClaimEvidenceUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import reactor.core.publisher.Mono;

/** Evidence is attached by the claimant organisation to its undecided claim. */
public final class ClaimEvidenceService implements ClaimEvidenceUseCase {

  private final Claims claims;

  public ClaimEvidenceService(Claims claims) {
    this.claims = claims;
  }

  @Override
  public Mono<ExpenditureClaim> attachable(String claimId, String organisationCode) {
    return Mono.defer(() -> claims.findById(claimId))
        .filter(c -> organisationCode != null && organisationCode.equals(c.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Claim", claimId)))
        .doOnNext(ExpenditureClaim::requireEvidenceAttachable);
  }
}
