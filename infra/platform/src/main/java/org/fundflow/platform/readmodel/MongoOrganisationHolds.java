package org.fundflow.platform.readmodel;

import java.util.List;
import org.bson.Document;
import org.fundflow.platform.application.OrganisationHolds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The holds copy in {@code holds}, one document per held organisation ({@code _id} = its code) with the
 * {@code active} and the {@code lifted} hold ids. Both changes are single idempotent set updates: a placement only
 * matches while its hold id is not among the lifted ones (otherwise the upsert meets the existing {@code _id} and is
 * dropped), so a redelivered placement never re-activates a lifted hold.
 */
public final class MongoOrganisationHolds implements OrganisationHolds {

  public static final String COLLECTION = "holds";

  private final ReactiveMongoTemplate template;

  public MongoOrganisationHolds(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Void> place(String organisationCode, String holdId) {
    Query notLifted = new Query(Criteria.where("_id").is(organisationCode).and("lifted").ne(holdId));
    return template.upsert(notLifted, new Update().addToSet("active", holdId), COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, liftedBefore -> Mono.empty());
  }

  @Override
  public Mono<Boolean> lift(String organisationCode, String holdId) {
    Query organisation = new Query(Criteria.where("_id").is(organisationCode));
    return template.upsert(organisation, new Update().pull("active", holdId).addToSet("lifted", holdId), COLLECTION)
        .then(activeHolds(organisationCode)).map(List::isEmpty);
  }

  @Override
  public Mono<List<String>> activeHolds(String organisationCode) {
    return template.findById(organisationCode, Document.class, COLLECTION)
        .map(held -> List.copyOf(held.getList("active", String.class, List.of())))
        .defaultIfEmpty(List.of());
  }
}
