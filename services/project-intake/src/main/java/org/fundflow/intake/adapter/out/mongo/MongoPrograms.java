package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramFilter;
import org.fundflow.intake.domain.ProgramStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Programs, one document each. Besides the program's state the document keeps {@code commitments}:
 * proposal id -> reserved fen, changed only by the conditional reservation update, and
 * {@code pendingReservations}: [{proposalId, amountFen, reservedAt}] for the reservations the reconciler has
 * not settled yet (written in the same update as the commitment, so a crash cannot leave one without the other).
 */
public final class MongoPrograms implements Programs {

  public static final String COLLECTION = "programs";
  private static final String COMMITMENTS = "commitments.";
  private static final String PENDING = "pendingReservations";
  /** project id -> fen given back when the project was terminated (issue 17 point 5). */
  private static final String RETURNED = "returnedRemainders.";
  /** proposal id -> fen given back when its award was withdrawn during the public notice (issue 17 point 2). */
  private static final String WITHDRAWN = "withdrawnAwards.";

  private final MongoAggregates store;

  MongoPrograms(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Mono<Program> find(String id) {
    return store.find(COLLECTION, id, Program.class);
  }

  @Override
  public Flux<Program> list(String afterId, int limit, boolean publishedOnly, ProgramFilter filter) {
    if (publishedOnly && filter.status() == ProgramStatus.DRAFT) {
      return Flux.empty(); // drafts are never listed to applicants
    }
    org.springframework.data.mongodb.core.query.Criteria criteria = new org.springframework.data.mongodb.core.query.Criteria();
    if (afterId != null) {
      criteria = criteria.and("_id").gt(afterId);
    }
    if (filter.status() != null) {
      criteria = criteria.and("status").is(filter.status().name());
    } else if (publishedOnly) {
      criteria = criteria.and("status").ne("DRAFT");
    }
    if (filter.kind() != null) {
      criteria = criteria.and("terms.kind").is(filter.kind().name());
    }
    Query query = new Query(criteria);
    query.with(Sort.by("_id")).limit(Math.max(1, Math.min(limit, 100)));
    return store.template().find(query, Document.class, COLLECTION).map(doc -> store.read(doc, Program.class));
  }

  @Override
  public Mono<Program> save(Program program, List<IntakeEvent> events) {
    return store.save(COLLECTION, program.id(), program, program.version() == 0 ? null : program.version(), events)
        .thenReturn(program.atVersion(program.version() + 1));
  }

  @Override
  public Mono<Reservation> reserve(String programId, long budgetFen, String proposalId, long amountFen,
      Instant reservedAt) {
    Query guarded = new Query(where("_id").is(programId)
        .and("terms.budgetFen").is(budgetFen)
        .and("committedFen").lte(budgetFen - amountFen)
        .and(COMMITMENTS + proposalId).exists(false));
    Update reserve = new Update()
        .inc("committedFen", amountFen)
        .set(COMMITMENTS + proposalId, amountFen)
        .push(PENDING, pending(new PendingReservation(programId, proposalId, amountFen, reservedAt)))
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
      doc.getList(PENDING, Document.class, List.of()).stream()
          .filter(p -> proposalId.equals(p.getString("proposalId"))).forEach(p -> release.pull(PENDING, p));
      return store.template().updateFirst(exact, release, COLLECTION);
    }).then();
  }

  @Override
  public Flux<PendingReservation> pendingBefore(Instant cutoff) {
    Query old = new Query(where(PENDING + ".reservedAt").lt(Date.from(cutoff)));
    old.fields().include(PENDING);
    return store.template().find(old, Document.class, COLLECTION)
        .flatMapIterable(doc -> doc.getList(PENDING, Document.class, List.of()).stream()
            .map(p -> new PendingReservation(doc.getString("_id"), p.getString("proposalId"),
                ((Number) p.get("amountFen")).longValue(), p.getDate("reservedAt").toInstant()))
            .filter(p -> p.reservedAt().isBefore(cutoff))
            .toList());
  }

  /** Only the update that still finds the pending entry gives the amount back: replicas cannot release it twice. */
  @Override
  public Mono<Boolean> releaseAbandoned(PendingReservation r) {
    Query stillPending = new Query(where("_id").is(r.programId())
        .and(COMMITMENTS + r.proposalId()).is(r.amountFen())
        .and(PENDING).elemMatch(where("proposalId").is(r.proposalId()).and("reservedAt").is(Date.from(r.reservedAt()))));
    Update release = new Update().inc("committedFen", -r.amountFen()).unset(COMMITMENTS + r.proposalId())
        .pull(PENDING, pending(r)).inc("version", 1L);
    return store.template().updateFirst(stillPending, release, COLLECTION).map(result -> result.getMatchedCount() == 1);
  }

  @Override
  public Mono<Boolean> confirm(PendingReservation r) {
    Query stillPending = new Query(where("_id").is(r.programId())
        .and(PENDING).elemMatch(where("proposalId").is(r.proposalId()).and("reservedAt").is(Date.from(r.reservedAt()))));
    return store.template().updateFirst(stillPending, new Update().pull(PENDING, pending(r)), COLLECTION)
        .map(result -> result.getMatchedCount() == 1);
  }

  @Override
  public Mono<Boolean> returnAwardRemainder(String programId, String projectId, long remainderFen) {
    Query notYet = new Query(where("_id").is(programId)
        .and(RETURNED + projectId).exists(false)
        .and("committedFen").gte(remainderFen));
    Update giveBack = new Update().inc("committedFen", -remainderFen).set(RETURNED + projectId, remainderFen)
        .inc("version", 1L);
    return store.template().updateFirst(notYet, giveBack, COLLECTION).flatMap(result -> {
      if (result.getModifiedCount() == 1) {
        return Mono.just(true);
      }
      Query returned = new Query(where("_id").is(programId).and(RETURNED + projectId).exists(true));
      return store.template().exists(returned, COLLECTION).flatMap(before -> before ? Mono.just(false)
          : Mono.error(new IllegalStateException("program " + programId + " is unknown or has less than "
              + remainderFen + " fen awarded: the remainder of project " + projectId + " cannot be given back")));
    });
  }

  @Override
  public Mono<Boolean> returnWithdrawnAward(String programId, String proposalId, long amountFen) {
    Query notYet = new Query(where("_id").is(programId)
        .and(WITHDRAWN + proposalId).exists(false)
        .and(COMMITMENTS + proposalId).is(amountFen));
    Update giveBack = new Update().inc("committedFen", -amountFen).unset(COMMITMENTS + proposalId)
        .set(WITHDRAWN + proposalId, amountFen).inc("version", 1L);
    return store.template().updateFirst(notYet, giveBack, COLLECTION).flatMap(result -> {
      if (result.getModifiedCount() == 1) {
        return Mono.just(true);
      }
      Query returned = new Query(where("_id").is(programId).and(WITHDRAWN + proposalId).exists(true));
      return store.template().exists(returned, COLLECTION).flatMap(before -> before ? Mono.just(false)
          : Mono.error(new IllegalStateException("program " + programId + " holds no commitment of " + amountFen
              + " fen for proposal " + proposalId + ": the withdrawn award cannot be given back")));
    });
  }

  private static Document pending(PendingReservation r) {
    return new Document("proposalId", r.proposalId()).append("amountFen", r.amountFen())
        .append("reservedAt", Date.from(r.reservedAt()));
  }
}
