package org.fundflow.milestone.adapter.out.mongo;

import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.fundflow.milestone.application.port.out.Holds;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** The holds on organisations heard from integrity-check, in {@code holds} (idempotent upserts). */
public class MongoHolds implements Holds {

  public static final String COLLECTION = "holds";

  private final ReactiveMongoTemplate template;

  public MongoHolds(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Void> placed(String holdId, String organisationCode) {
    Query query = new Query(Criteria.where("_id").is(holdId));
    // a lift that arrived first wins: setOnInsert keeps a lifted hold lifted
    Update update = new Update().set("organisationCode", organisationCode).setOnInsert("active", true);
    return template.upsert(query, update, COLLECTION).then();
  }

  @Override
  public Mono<Void> lifted(String holdId) {
    return template.upsert(new Query(Criteria.where("_id").is(holdId)), new Update().set("active", false), COLLECTION)
        .then();
  }

  @Override
  public Mono<Set<String>> activeOn(String organisationCode) {
    return template.find(new Query(Criteria.where("organisationCode").is(organisationCode).and("active").is(true)),
            Document.class, COLLECTION)
        .map(d -> String.valueOf(d.get("_id")))
        .collect(Collectors.toSet());
  }
}
