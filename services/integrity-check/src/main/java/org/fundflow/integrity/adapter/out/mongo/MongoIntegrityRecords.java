package org.fundflow.integrity.adapter.out.mongo;

import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.adapter.out.kafka.IntegrityEventMapper;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Integrity records as single documents with their outbox (one atomic write per change). */
public final class MongoIntegrityRecords implements IntegrityRecords {

  private static final String C = IntegrityRecordDocument.COLLECTION;

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final IntegrityEventMapper mapper;

  public MongoIntegrityRecords(ReactiveMongoTemplate template, AggregateWriter writer, IntegrityEventMapper mapper) {
    this.template = template;
    this.writer = writer;
    this.mapper = mapper;
  }

  public Mono<Void> ensureIndexes() {
    var ops = template.indexOps(C);
    return Flux.concat(
        ops.createIndex(new Index().on("flagIds", Sort.Direction.ASC)),
        ops.createIndex(new Index().on("caseIds", Sort.Direction.ASC)),
        ops.createIndex(new Index().on("holdIds", Sort.Direction.ASC)),
        ops.createIndex(new Index().on("nextHoldExpiry", Sort.Direction.ASC))).then();
  }

  @Override
  public Mono<IntegrityRecord> load(Subject subject) {
    return template.findById(subject.key(), IntegrityRecordDocument.class, C)
        .map(IntegrityRecordDocument::toDomain)
        .defaultIfEmpty(IntegrityRecord.empty(subject));
  }

  @Override
  public Mono<Boolean> save(IntegrityRecord record, List<IntegrityEvent> events, String appliedEventId) {
    IntegrityRecordDocument state = IntegrityRecordDocument.of(record);
    List<OutboxEvent> outbox = events.stream().map(e -> mapper.toOutbox(e)).toList();
    // a new record is created without the inbox mark: if another event created it meanwhile, the
    // duplicate key sends us back to load-and-decide (domain ids keep a redelivery from raising twice)
    AggregateWrite write = record.version() == 0
        ? AggregateWrite.create(C, state.id, state, outbox)
        : AggregateWrite.update(C, state.id, record.version(), state, outbox).applying(appliedEventId);
    return writer.write(write)
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorMap(DuplicateKeyException.class, e -> new ConcurrentChange(e.getMessage(), e));
  }

  @Override
  public Mono<IntegrityRecord> findByCase(String caseId) {
    return one(Criteria.where("caseIds").is(caseId));
  }

  @Override
  public Mono<IntegrityRecord> findByHold(String holdId) {
    return one(Criteria.where("holdIds").is(holdId));
  }

  @Override
  public Mono<IntegrityRecord> findByFlag(String flagId) {
    return one(Criteria.where("flagIds").is(flagId));
  }

  @Override
  public Flux<IntegrityRecord> withHoldsDueBy(Instant now) {
    return template.find(new Query(Criteria.where("nextHoldExpiry").lte(now)), IntegrityRecordDocument.class, C)
        .map(IntegrityRecordDocument::toDomain);
  }

  private Mono<IntegrityRecord> one(Criteria criteria) {
    return template.findOne(new Query(criteria), IntegrityRecordDocument.class, C)
        .map(IntegrityRecordDocument::toDomain);
  }
}
