package org.fundflow.integrity.application.service;

import org.fundflow.integrity.application.port.in.CaseEvidenceUseCase;
import org.fundflow.integrity.application.port.in.CaseUseCase;
import org.fundflow.integrity.domain.IntegrityCase;
import reactor.core.publisher.Mono;

/** Access to a case's files follows the case; adding one needs an undecided case. */
public final class CaseEvidenceService implements CaseEvidenceUseCase {

  private final CaseUseCase cases;

  public CaseEvidenceService(CaseUseCase cases) {
    this.cases = cases;
  }

  @Override
  public Mono<IntegrityCase> attachable(String caseId) {
    return readable(caseId).doOnNext(IntegrityCase::requireEvidenceAttachable);
  }

  @Override
  public Mono<IntegrityCase> readable(String caseId) {
    return Mono.defer(() -> cases.get(caseId));
  }
}
