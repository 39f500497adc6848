package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Vouchers;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Vouchers, one document each (the voucher record as it is, plus version, outbox and inbox). A unique index on
 * {@code (organisationCode, idempotencyKey)} keeps one application from issuing two vouchers; the derived id keeps
 * the annual cap (the n-th voucher of a year exists once).
 */
public final class MongoVouchers implements Vouchers {

  public static final String COLLECTION = "vouchers";

  private final MongoAggregates store;

  MongoVouchers(MongoAggregates store) {
    this.store = store;
  }

  /** The unique application key index (created at start-up, idempotent). */
  public Mono<Void> ensureIndexes() {
    return store.template().indexOps(COLLECTION)
        .createIndex(new Index().on("organisationCode", Sort.Direction.ASC).on("idempotencyKey", Sort.Direction.ASC)
            .unique().named("voucher_application_key"))
        .then();
  }

  @Override
  public Mono<Voucher> find(String id) {
    return store.find(COLLECTION, id, Voucher.class);
  }

  @Override
  public Mono<Long> countIssued(String programId, String organisationCode, int year) {
    return store.template().count(new Query(where("programId").is(programId).and("organisationCode")
        .is(organisationCode).and("year").is(year)), COLLECTION);
  }

  @Override
  public Mono<Voucher> findByIdempotencyKey(String organisationCode, String idempotencyKey) {
    return store.template().findOne(new Query(where("organisationCode").is(organisationCode).and("idempotencyKey")
            .is(idempotencyKey)), Document.class, COLLECTION)
        .map(doc -> store.read(doc, Voucher.class));
  }

  @Override
  public Flux<Voucher> list(Filter f) {
    Criteria criteria = new Criteria();
    if (f.organisationCode() != null) {
      criteria = criteria.and("organisationCode").is(f.organisationCode());
    }
    if (f.providerOrganisationCode() != null) {
      criteria = criteria.and("contract.providerOrganisationCode").is(f.providerOrganisationCode());
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
    return store.template().find(query, Document.class, COLLECTION).map(doc -> store.read(doc, Voucher.class));
  }

  @Override
  public Mono<Voucher> save(Voucher voucher, List<IntakeEvent> events) {
    return store.save(COLLECTION, voucher.id(), voucher, voucher.version() == 0 ? null : voucher.version(), events)
        .onErrorMap(DuplicateKeyException.class,
            e -> new ConcurrentChange("voucher " + voucher.id() + " or its application key exists"))
        .thenReturn(voucher.atVersion(voucher.version() + 1));
  }

  @Override
  public Mono<Set<String>> existing(Set<String> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Set.of());
    }
    Query query = new Query(where("_id").in(ids));
    query.fields().include("_id");
    return store.template().find(query, Document.class, COLLECTION)
        .map(d -> d.getString("_id"))
        .collect(Collectors.toSet());
  }
}
