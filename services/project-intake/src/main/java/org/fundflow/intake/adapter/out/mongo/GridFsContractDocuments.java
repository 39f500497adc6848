package org.fundflow.intake.adapter.out.mongo;

import org.fundflow.intake.application.port.out.ContractDocuments;
import org.fundflow.intake.domain.voucher.ContractDocument;
import org.fundflow.platform.documents.DocumentStore;
import reactor.core.publisher.Mono;

/** Contract documents: platform document store files whose owner is the voucher. */
public final class GridFsContractDocuments implements ContractDocuments {

  private final DocumentStore store;

  public GridFsContractDocuments(DocumentStore store) {
    this.store = store;
  }

  @Override
  public Mono<ContractDocument> find(String voucherId, String documentId) {
    return store.find(documentId)
        .filter(d -> voucherId.equals(d.ownerId()))
        .map(d -> new ContractDocument(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256()));
  }
}
