package org.fundflow.integrity.adapter.out.mongo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Case evidence is stored with owner = case id; of a set of owners, the cases that exist (for the orphan sweep). */
public final class CaseEvidenceOwners {

  private final ReactiveMongoTemplate template;

  public CaseEvidenceOwners(ReactiveMongoTemplate template) {
    this.template = template;
  }

  public Mono<Set<String>> existing(Set<String> caseIds) {
    Query query = Query.query(Criteria.where("caseIds").in(caseIds));
    query.fields().include("caseIds");
    return template.find(query, Document.class, IntegrityRecordDocument.COLLECTION)
        .flatMapIterable(d -> d.getList("caseIds", String.class, List.of()))
        .filter(caseIds::contains)
        .collect(HashSet::new, Set::add);
  }
}
