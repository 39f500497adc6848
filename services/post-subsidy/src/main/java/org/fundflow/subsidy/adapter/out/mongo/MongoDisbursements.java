package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.Filter;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.StatusTotal;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Disbursement documents in {@code disbursements}: the aggregate's fields (mapped by convention, the
 * domain has no annotations), the platform's {@code version}, {@code outbox} and {@code inbox}.
 * The id is derived from the trigger, so the unique {@code _id} is the "pay once" guard.
 */
public class MongoDisbursements implements Disbursements {

  public static final String COLLECTION = "disbursements";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final IntegrationEvents integration;

  public MongoDisbursements(ReactiveMongoTemplate template, AggregateWriter writer, IntegrationEvents integration) {
    this.template = template;
    this.writer = writer;
    this.integration = integration;
  }

  @Override
  public Mono<Disbursement> findById(String id) {
    return template.findById(id, Disbursement.class, COLLECTION);
  }

  @Override
  public Mono<Boolean> create(Disbursement d, List<DisbursementEvent> events, String appliedEventId) {
    return writer.write(new AggregateWrite(COLLECTION, d.id(), null, d, outbox(events), appliedEventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<Boolean> update(Disbursement next, List<DisbursementEvent> events, String appliedEventId) {
    return writer.write(new AggregateWrite(COLLECTION, next.id(), next.version(), next, outbox(events), appliedEventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN);
  }

  @Override
  public Flux<Disbursement> findOpenByOrganisation(String organisationCode) {
    return find(Criteria.where("organisationCode").is(organisationCode)
        .and("status").in(DisbursementStatus.CREATED.name(), DisbursementStatus.PREPARED.name()));
  }

  @Override
  public Flux<Disbursement> findOnHoldByOrganisation(String organisationCode) {
    return find(Criteria.where("organisationCode").is(organisationCode).and("status").is(DisbursementStatus.ON_HOLD.name()));
  }

  @Override
  public Flux<Disbursement> findByProject(String projectId) {
    return find(Criteria.where("projectId").is(projectId));
  }

  @Override
  public Flux<Disbursement> page(Filter filter, String after, int limit) {
    Criteria c = matching(filter);
    if (after != null) {
      c = c.and("_id").gt(after);
    }
    return template.find(new Query(c).with(Sort.by("_id")).limit(limit), Disbursement.class, COLLECTION);
  }

  @Override
  public Flux<StatusTotal> totals(Filter filter) {
    Aggregation byStatus = Aggregation.newAggregation(Aggregation.match(matching(filter)),
        Aggregation.group("status").count().as("count").sum("amountFen").as("amountFen"));
    return template.aggregate(byStatus, COLLECTION, Document.class)
        .map(d -> new StatusTotal(DisbursementStatus.valueOf(d.getString("_id")), ((Number) d.get("count")).longValue(),
            ((Number) d.get("amountFen")).longValue()));
  }

  private static Criteria matching(Filter f) {
    Criteria c = new Criteria();
    if (f.status() != null) {
      c = c.and("status").is(f.status().name());
    }
    if (f.programId() != null) {
      c = c.and("programId").is(f.programId());
    }
    if (f.organisationCode() != null) {
      c = c.and("organisationCode").is(f.organisationCode());
    }
    if (f.projectId() != null) {
      c = c.and("projectId").is(f.projectId());
    }
    if (f.releasedFrom() != null || f.releasedTo() != null) {
      Criteria released = c.and("releasedAt");
      if (f.releasedFrom() != null) {
        released = released.gte(f.releasedFrom());
      }
      if (f.releasedTo() != null) {
        released = released.lt(f.releasedTo());
      }
      c = released;
    }
    return c;
  }

  @Override
  public Mono<Long> outstandingFen(String programId) {
    Query q = new Query(Criteria.where("programId").is(programId).and("status")
        .in(DisbursementStatus.CREATED.name(), DisbursementStatus.PREPARED.name(), DisbursementStatus.ON_HOLD.name()));
    q.fields().include("amountFen");
    return template.find(q, Document.class, COLLECTION)
        .map(d -> ((Number) d.get("amountFen")).longValue())
        .reduce(0L, Long::sum);
  }

  private Flux<Disbursement> find(Criteria criteria) {
    return template.find(new Query(criteria).with(Sort.by("_id")), Disbursement.class, COLLECTION);
  }

  private List<org.fundflow.platform.outbox.OutboxEvent> outbox(List<DisbursementEvent> events) {
    return events.stream().map(integration::of).toList();
  }
}
