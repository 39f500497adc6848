package org.fundflow.integrity.application.port.in;

import org.fundflow.integrity.domain.IntegrityCase;
import reactor.core.publisher.Mono;

/**
 * Case evidence (issue 15): integrity officers attach files to a case while it is open or under investigation;
 * integrity officers and auditors read them, as they read the case.
 */
public interface CaseEvidenceUseCase {

  /** The case if evidence may be added: 404 unknown, 409 once decided. */
  Mono<IntegrityCase> attachable(String caseId);

  /** The case (its files are read with it); 404 unknown. */
  Mono<IntegrityCase> readable(String caseId);
}
