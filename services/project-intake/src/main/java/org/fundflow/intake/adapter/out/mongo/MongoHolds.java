package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The holds intake has heard of, one document per hold id: a redelivered placement hits the
 * unique id (and the inbox), a lifting is an upsert that only ever sets {@code lifted}.
 */
public final class MongoHolds implements Holds {

  public static final String COLLECTION = "holds";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;

  MongoHolds(ReactiveMongoTemplate template, AggregateWriter writer) {
    this.template = template;
    this.writer = writer;
  }

  @Override
  public Flux<Hold> concerning(String organisationCode, String personIdHash) {
    List<Criteria> subjects = new ArrayList<>();
    subjects.add(where("subjectType").is(HoldSubject.ORGANISATION.name()).and("subjectId").is(organisationCode));
    if (personIdHash != null) {
      subjects.add(where("subjectType").is(HoldSubject.PERSON.name()).and("subjectId").is(personIdHash));
    }
    Query query = new Query(new Criteria().orOperator(subjects.toArray(new Criteria[0])).and("lifted").is(false));
    return template.find(query, Document.class, COLLECTION).map(doc -> template.getConverter().read(Hold.class, doc));
  }

  @Override
  public Mono<Boolean> recordPlaced(Hold hold, String eventId) {
    return writer.write(new AggregateWrite(COLLECTION, hold.holdId(), null, hold, List.of(), eventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN);
  }

  @Override
  public Mono<Void> recordLifted(String holdId, HoldSubject subjectType, String subjectId, Instant liftedAt,
      String eventId) {
    Query byId = new Query(where("_id").is(holdId));
    Update lift = new Update()
        .set("lifted", true)
        .set("liftedAt", java.util.Date.from(liftedAt))
        .setOnInsert("holdId", holdId)
        .setOnInsert("subjectType", subjectType.name())
        .setOnInsert("subjectId", subjectId)
        .setOnInsert("version", 1L);
    return template.upsert(byId, lift, COLLECTION).then();
  }
}
