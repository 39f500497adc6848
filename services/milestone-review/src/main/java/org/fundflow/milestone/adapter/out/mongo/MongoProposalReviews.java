package org.fundflow.milestone.adapter.out.mongo;

import java.util.List;
import org.fundflow.milestone.adapter.out.kafka.ProposalReviewMessages;
import org.fundflow.milestone.application.port.out.ProposalReviews;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Proposal reviews as single documents in {@code proposal-reviews} ({@code _id} = proposalId): the review, its
 * panel and score next to the platform's {@code version}, {@code outbox} and {@code inbox}.
 */
public class MongoProposalReviews implements ProposalReviews {

  public static final String COLLECTION = "proposal-reviews";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final ProposalReviewMessages messages;

  public MongoProposalReviews(ReactiveMongoTemplate template, AggregateWriter writer,
      ProposalReviewMessages messages) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
  }

  @Override
  public Mono<Boolean> create(ProposalReview review, String appliedEventId) {
    return writer.write(new AggregateWrite(COLLECTION, review.id(), null, review, List.of(), appliedEventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<Void> save(ProposalReview review, List<ReviewEvent> events) {
    return writer.write(AggregateWrite.update(COLLECTION, review.id(), review.version(), review,
        events.stream().map(messages::toOutbox).toList())).then();
  }

  @Override
  public Mono<ProposalReview> find(String proposalId) {
    return template.findById(proposalId, ProposalReview.class, COLLECTION);
  }

  @Override
  public Flux<ProposalReview> list(String programId) {
    Query query = programId == null ? new Query() : new Query(Criteria.where("programId").is(programId));
    return template.find(query.with(Sort.by("screenedAt").descending()).limit(500), ProposalReview.class, COLLECTION);
  }

  @Override
  public Flux<ProposalReview> assignedTo(String expertId) {
    return template.find(new Query(Criteria.where("panel.expertId").is(expertId)), ProposalReview.class, COLLECTION);
  }
}
