package org.fundflow.milestone.adapter.out.mongo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.fundflow.milestone.application.port.out.EvidenceFiles;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.StoredDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Milestone evidence in the service's GridFS bucket (platform {@link DocumentStore}), owner = project id + "/" +
 * milestone id. A file is referenced once a report of its project names it ({@code reports.evidenceFiles.fileId}).
 */
public final class GridFsEvidenceFiles implements EvidenceFiles {

  private final DocumentStore store;
  private final ReactiveMongoTemplate template;

  public GridFsEvidenceFiles(DocumentStore store, ReactiveMongoTemplate template) {
    this.store = store;
    this.template = template;
  }

  @Override
  public Flux<EvidenceFile> find(String owner, List<String> fileIds) {
    return Flux.fromIterable(new HashSet<>(fileIds))
        .concatMap(store::find)
        .filter(d -> owner.equals(d.ownerId()) && d.sha256() != null && d.mediaType() != null)
        .map(GridFsEvidenceFiles::toEvidence);
  }

  static EvidenceFile toEvidence(StoredDocument d) {
    return new EvidenceFile(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt());
  }

  /** Of these stored files, the ids that a report names (the others are pending or abandoned). */
  public Mono<Set<String>> referenced(List<StoredDocument> files) {
    List<String> ids = files.stream().map(StoredDocument::id).toList();
    Query query = Query.query(Criteria.where("reports.evidenceFiles.fileId").in(ids));
    query.fields().include("reports.evidenceFiles.fileId");
    return template.find(query, Document.class, MongoProjects.COLLECTION)
        .flatMapIterable(p -> p.getList("reports", Document.class, List.of()))
        .flatMapIterable(r -> r.getList("evidenceFiles", Document.class, List.of()))
        .map(f -> f.getString("fileId"))
        .collect(HashSet::new, Set::add);
  }
}
