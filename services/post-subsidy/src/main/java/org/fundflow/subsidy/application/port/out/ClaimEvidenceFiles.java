package org.fundflow.subsidy.application.port.out;

import org.fundflow.subsidy.domain.EvidenceFile;
import reactor.core.publisher.Flux;

/** The evidence files stored for a claim (metadata only), oldest first. */
public interface ClaimEvidenceFiles {

  Flux<EvidenceFile> of(String claimId);
}
