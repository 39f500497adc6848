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

  /**
   * The owners that still exist: proposals, and objections to awards under public notice (their evidence files are
   * owned by the objection's id, issue 17 point 2).
   */
  @Override
  public Mono<Set<String>> existing(Set<String> ownerIds) {
    Query query = Query.query(new Criteria().orOperator(Criteria.where("_id").in(ownerIds),
        Criteria.where("notice.objections.objectionId").in(ownerIds)));
    query.fields().include("_id").include("notice");
    return template.find(query, Document.class, MongoProposals.COLLECTION)
        .flatMapIterable(d -> {
          java.util.List<String> found = new java.util.ArrayList<>();
          found.add(String.valueOf(d.get("_id")));
          Object notice = d.get("notice");
          if (notice instanceof Document n) {
            n.getList("objections", Document.class, java.util.List.of())
                .forEach(o -> found.add(o.getString("objectionId")));
          }
          return found;
        })
        .filter(ownerIds::contains)
        .collect(HashSet::new, Set::add);
  }
}
