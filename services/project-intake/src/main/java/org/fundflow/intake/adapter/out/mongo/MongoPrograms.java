package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Versioned;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Program;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Programs, one document each. Besides the program's state the document keeps {@code commitments}:
 * proposal id -> reserved fen, changed only by the conditional reservation update.
 */
public final class MongoPrograms implements Programs {

  public static final String COLLECTION = "programs";
  private static final String COMMITMENTS = "commitments.";

  private final MongoAggregates store;

  MongoPrograms(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Mono<Versioned<Program>> find(String id) {
    return store.find(COLLECTION, id, Program.class);
  }

  @Override
  public Flux<Program> list(String afterId, int limit, boolean publishedOnly) {
    org.springframework.data.mongodb.core.query.Criteria criteria = new org.springframework.data.mongodb.core.query.Criteria();
    if (afterId != null) {
      criteria = criteria.and("_id").gt(afterId);
    }
    if (publishedOnly) {
      criteria = criteria.and("status").ne("DRAFT");
    }
    Query query = new Query(criteria);
    query.with(Sort.by("_id")).limit(Math.max(1, Math.min(limit, 100)));
    return store.template().find(query, Document.class, COLLECTION).map(doc -> store.read(doc, Program.class).value());
  }

  @Override
  public Mono<Void> save(Program program, Long expectedVersion, List<IntakeEvent> events, String correlationId) {
    return store.save(COLLECTION, program.id(), program, expectedVersion, events, correlationId);
  }

  @Override
  public Mono<Reservation> reserve(String programId, long budgetFen, String proposalId, long amountFen) {
    Query guarded = new Query(where("_id").is(programId)
        .and("terms.budgetFen").is(budgetFen)
        .and("committedFen").lte(budgetFen - amountFen)
        .and(COMMITMENTS + proposalId).exists(false));
    Update reserve = new Update()
        .inc("committedFen", amountFen)
        .set(COMMITMENTS + proposalId, amountFen)
        .inc("version", 1L);
    return store.template().updateFirst(guarded, reserve, COLLECTION).flatMap(result -> {
      if (result.getMatchedCount() == 1) {
        return Mono.just(Reservation.RESERVED);
      }
      Query mine = new Query(where("_id").is(programId).and(COMMITMENTS + proposalId).exists(true));
      return store.template().exists(mine, COLLECTION)
          .map(exists -> exists ? Reservation.ALREADY_RESERVED : Reservation.INSUFFICIENT_BUDGET);
    });
  }

  @Override
  public Mono<Void> release(String programId, String proposalId) {
    Query withCommitment = new Query(where("_id").is(programId).and(COMMITMENTS + proposalId).exists(true));
    return store.template().findOne(withCommitment, Document.class, COLLECTION).flatMap(doc -> {
      Object reserved = ((Document) doc.get("commitments")).get(proposalId);
      long amount = ((Number) reserved).longValue();
      Query exact = new Query(where("_id").is(programId).and(COMMITMENTS + proposalId).is(reserved));
      Update release = new Update().inc("committedFen", -amount).unset(COMMITMENTS + proposalId).inc("version", 1L);
      return store.template().updateFirst(exact, release, COLLECTION);
    }).then();
  }
}
