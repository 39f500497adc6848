package org.fundflow.integrity.adapter.out.mongo;

import org.fundflow.integrity.application.port.out.CaseEvidenceFiles;
import org.fundflow.integrity.domain.CaseFile;
import org.fundflow.platform.documents.DocumentStore;
import reactor.core.publisher.Flux;

/** Case evidence in the documents kit's GridFS bucket (owner = case id): the files' metadata, never the bytes. */
public final class GridFsCaseEvidenceFiles implements CaseEvidenceFiles {

  private final DocumentStore store;

  public GridFsCaseEvidenceFiles(DocumentStore store) {
    this.store = store;
  }

  @Override
  public Flux<CaseFile> of(String caseId) {
    return store.list(caseId).map(d -> new CaseFile(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(),
        d.uploadedBy(), d.uploadedAt()));
  }
}
