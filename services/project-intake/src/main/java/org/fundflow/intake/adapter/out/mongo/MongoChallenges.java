package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Challenges;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.IntakeEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class MongoChallenges implements Challenges {

  public static final String COLLECTION = "challenges";

  private final MongoAggregates store;

  MongoChallenges(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Mono<Challenge> find(String id) {
    return store.find(COLLECTION, id, Challenge.class);
  }

  @Override
  public Flux<Challenge> listByProgram(String programId) {
    Query query = new Query(where("programId").is(programId)).with(Sort.by("_id")).limit(500);
    return store.template().find(query, Document.class, COLLECTION).map(doc -> store.read(doc, Challenge.class));
  }

  @Override
  public Mono<Void> create(Challenge challenge, List<IntakeEvent> events) {
    return store.save(COLLECTION, challenge.id(), challenge, null, events);
  }
}
