package org.fundflow.integrity.application.port.out;

import org.fundflow.integrity.domain.CaseFile;
import reactor.core.publisher.Flux;

/** The evidence files stored for a case (metadata only), oldest first. */
public interface CaseEvidenceFiles {

  Flux<CaseFile> of(String caseId);
}
