package org.fundflow.intake.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.adapter.out.kafka.RewardClaimEventMessages;
import org.fundflow.intake.application.port.out.RewardClaims;
import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimEvent;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code reward-claims} collection: the claim record as it is (mapped by convention) + its outbox, written by the
 * platform's {@link AggregateWriter}. The id is the organisation + achievement: a second claim hits the unique id.
 */
public final class MongoRewardClaims implements RewardClaims {

  public static final String COLLECTION = "reward-claims";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final RewardClaimEventMessages messages;

  public MongoRewardClaims(ReactiveMongoTemplate template, AggregateWriter writer, RewardClaimEventMessages messages) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
  }

  @Override
  public Mono<RewardClaim> find(String id) {
    return template.findById(id, Document.class, COLLECTION).map(this::read);
  }

  /** The claim as stored; its {@code version} component is the document's stored version. */
  private RewardClaim read(Document doc) {
    return template.getConverter().read(RewardClaim.class, doc);
  }

  @Override
  public Flux<RewardClaim> list(Filter f) {
    Criteria criteria = new Criteria();
    if (f.organisationCode() != null) {
      criteria = criteria.and("organisationCode").is(f.organisationCode());
    }
    if (f.programId() != null) {
      criteria = criteria.and("programId").is(f.programId());
    }
    if (f.status() != null) {
      criteria = criteria.and("status").is(f.status().name());
    }
    if (f.afterId() != null) {
      criteria = criteria.and("_id").gt(f.afterId());
    }
    Query query = new Query(criteria).with(Sort.by("_id")).limit(f.limit());
    return template.find(query, Document.class, COLLECTION).map(this::read);
  }

  @Override
  public Mono<Boolean> create(RewardClaim claim) {
    return writer.write(AggregateWrite.create(COLLECTION, claim.id(), claim, List.of()))
        .thenReturn(true)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<RewardClaim> save(RewardClaim claim, List<RewardClaimEvent> events) {
    return writer.write(AggregateWrite.update(COLLECTION, claim.id(), claim.version(), claim, messages.toOutbox(events)))
        .thenReturn(claim.atVersion(claim.version() + 1));
  }
}
