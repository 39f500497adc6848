package org.fundflow.intake.adapter.out.mongo;

import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.fundflow.intake.application.port.out.ProposalFiles;
import org.fundflow.intake.domain.ProposalFile;
import org.fundflow.platform.documents.DocumentStore;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The proposals' files in the service's GridFS bucket (platform {@link DocumentStore}), owner = proposal id. */
public final class GridFsProposalFiles implements ProposalFiles {

  private final DocumentStore store;
  private final ReactiveMongoTemplate template;

  public GridFsProposalFiles(DocumentStore store, ReactiveMongoTemplate template) {
    this.store = store;
    this.template = template;
  }

  @Override
  public Flux<ProposalFile> of(String proposalId) {
    return store.list(proposalId).map(d -> new ProposalFile(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(),
        d.uploadedBy(), d.uploadedAt()));
  }

  @Override
  public Mono<Set<String>> existing(Set<String> proposalIds) {
    Query query = Query.query(Criteria.where("_id").in(proposalIds));
    query.fields().include("_id");
    return template.find(query, Document.class, MongoProposals.COLLECTION)
        .map(d -> String.valueOf(d.get("_id")))
        .collect(HashSet::new, Set::add);
  }
}
