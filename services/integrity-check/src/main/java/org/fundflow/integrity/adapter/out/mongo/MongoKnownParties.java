package org.fundflow.integrity.adapter.out.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.SubjectType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code known-parties}: one document per party ({@code _id} = the subject key, {@code ORGANISATION:<code>} or
 * {@code PERSON:<hash>}) with the roles it was seen in, the disbursements to it not released yet
 * ({@code openDisbursements}) and those released ({@code paidDisbursements}, so a late redelivery of a creation
 * does not reopen a paid one). Set operations only; a list import looks parties up by {@code _id $in}, in batches.
 */
public final class MongoKnownParties implements KnownParties {

  static final String C = "known-parties";
  static final int BATCH = 500;

  private final ReactiveMongoTemplate template;

  public MongoKnownParties(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Void> remember(Subject party, String role) {
    Query q = new Query(Criteria.where("_id").is(party.key()));
    Update u = new Update().setOnInsert("type", party.type().name()).setOnInsert("partyId", party.id())
        .addToSet("roles", role);
    return upsert(q, u);
  }

  @Override
  public Mono<Void> payeeAwaiting(String organisationCode, String disbursementId) {
    Subject payee = Subject.organisation(organisationCode);
    // an existing document that lists the disbursement as paid does not match: the upsert then hits the
    // unique _id and is dropped (the disbursement stays paid)
    Query q = new Query(Criteria.where("_id").is(payee.key()).and("paidDisbursements").ne(disbursementId));
    Update u = new Update().setOnInsert("type", payee.type().name()).setOnInsert("partyId", payee.id())
        .addToSet("roles", "PAYEE").addToSet("openDisbursements", disbursementId);
    return upsert(q, u);
  }

  @Override
  public Mono<Void> payeePaid(String organisationCode, String disbursementId) {
    Subject payee = Subject.organisation(organisationCode);
    Query q = new Query(Criteria.where("_id").is(payee.key()));
    Update u = new Update().setOnInsert("type", payee.type().name()).setOnInsert("partyId", payee.id())
        .addToSet("roles", "PAYEE").pull("openDisbursements", disbursementId).addToSet("paidDisbursements", disbursementId);
    return upsert(q, u);
  }

  @Override
  public Flux<KnownParty> among(Collection<Subject> parties) {
    List<String> keys = parties.stream().map(Subject::key).distinct().toList();
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += BATCH) {
      batches.add(keys.subList(i, Math.min(keys.size(), i + BATCH)));
    }
    return Flux.fromIterable(batches)
        .concatMap(batch -> template.find(new Query(Criteria.where("_id").in(batch)), Document.class, C))
        .map(d -> new KnownParty(new Subject(SubjectType.valueOf(d.getString("type")), d.getString("partyId")),
            d.getList("roles", String.class, List.of()), d.getList("openDisbursements", String.class, List.of())));
  }

  private Mono<Void> upsert(Query q, Update u) {
    return template.upsert(q, u, C).then().onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }
}
