package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.subsidy.application.port.out.Holds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * One document per held organisation in {@code holds}: {@code active} and {@code lifted} hold ids. Both
 * changes are idempotent set operations; a hold that was lifted is never re-activated by a redelivery.
 */
public class MongoHolds implements Holds {

  public static final String COLLECTION = "holds";

  private final ReactiveMongoTemplate template;

  public MongoHolds(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<String> activeHold(String organisationCode) {
    return template.findById(organisationCode, Document.class, COLLECTION)
        .flatMap(d -> {
          List<String> active = d.getList("active", String.class, List.of());
          return active.isEmpty() ? Mono.empty() : Mono.just(active.get(0));
        });
  }

  @Override
  public Mono<Void> place(String organisationCode, String holdId) {
    Query notLifted = new Query(Criteria.where("_id").is(organisationCode).and("lifted").ne(holdId));
    return template.upsert(notLifted, new Update().addToSet("active", holdId), COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }

  @Override
  public Mono<Boolean> lift(String organisationCode, String holdId) {
    Query q = new Query(Criteria.where("_id").is(organisationCode));
    return template.upsert(q, new Update().pull("active", holdId).addToSet("lifted", holdId), COLLECTION)
        .then(activeHold(organisationCode).map(any -> false).defaultIfEmpty(true));
  }
}
