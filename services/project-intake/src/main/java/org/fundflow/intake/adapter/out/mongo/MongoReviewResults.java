package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.fundflow.intake.application.port.out.ReviewResults;
import org.fundflow.intake.domain.ReviewResult;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Review scores in {@code proposal-reviews}, one document per proposal ({@code _id} = proposalId): a redelivered
 * {@code proposal-reviewed} hits the id (and the inbox) and changes nothing.
 */
public final class MongoReviewResults implements ReviewResults {

  public static final String COLLECTION = "proposal-reviews";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;

  public MongoReviewResults(ReactiveMongoTemplate template, AggregateWriter writer) {
    this.template = template;
    this.writer = writer;
  }

  @Override
  public Mono<Boolean> record(ReviewResult result, String eventId) {
    return writer.write(new AggregateWrite(COLLECTION, result.proposalId(), null, result, List.of(), eventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<ReviewResult> find(String proposalId) {
    return template.findById(proposalId, ReviewResult.class, COLLECTION);
  }

  @Override
  public Flux<ReviewResult> ofProgram(String programId) {
    return template.find(new Query(where("programId").is(programId)), ReviewResult.class, COLLECTION);
  }
}
