package org.fundflow.subsidy.adapter.out.mongo;

import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Claim evidence is stored with owner = claim id; of a set of owners, the claims that exist (for the orphan sweep). */
public final class ClaimEvidenceOwners {

  private final ReactiveMongoTemplate template;

  public ClaimEvidenceOwners(ReactiveMongoTemplate template) {
    this.template = template;
  }

  public Mono<Set<String>> existing(Set<String> claimIds) {
    Query query = Query.query(Criteria.where("_id").in(claimIds));
    query.fields().include("_id");
    return template.find(query, Document.class, MongoClaims.COLLECTION)
        .map(d -> String.valueOf(d.get("_id")))
        .collect(HashSet::new, Set::add);
  }
}
