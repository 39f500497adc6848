package org.fundflow.subsidy.adapter.out.mongo;

import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.subsidy.application.port.out.ClaimEvidenceFiles;
import org.fundflow.subsidy.domain.EvidenceFile;
import reactor.core.publisher.Flux;

/** Claim evidence in the documents kit's GridFS bucket (owner = claim id): the files' metadata, never the bytes. */
public final class GridFsClaimEvidenceFiles implements ClaimEvidenceFiles {

  private final DocumentStore store;

  public GridFsClaimEvidenceFiles(DocumentStore store) {
    this.store = store;
  }

  @Override
  public Flux<EvidenceFile> of(String claimId) {
    return store.list(claimId).map(d -> new EvidenceFile(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(),
        d.uploadedBy(), d.uploadedAt()));
  }
}
