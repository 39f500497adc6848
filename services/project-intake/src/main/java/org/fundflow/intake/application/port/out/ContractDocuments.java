package org.fundflow.intake.application.port.out;

import org.fundflow.intake.domain.voucher.ContractDocument;
import reactor.core.publisher.Mono;

/** The contract documents stored for a voucher (the bytes stay with the adapter). */
public interface ContractDocuments {

  /** The document when it was stored for this voucher, empty otherwise. */
  Mono<ContractDocument> find(String voucherId, String documentId);
}
