package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase.Filter;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.ClaimStatus;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Claim documents in {@code claims}; the id (program, organisation, year) makes a second claim a duplicate key. */
public class MongoClaims implements Claims {

  public static final String COLLECTION = "claims";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final IntegrationEvents integration;

  public MongoClaims(ReactiveMongoTemplate template, AggregateWriter writer, IntegrationEvents integration) {
    this.template = template;
    this.writer = writer;
    this.integration = integration;
  }

  @Override
  public Mono<ExpenditureClaim> findById(String id) {
    return template.findById(id, ExpenditureClaim.class, COLLECTION);
  }

  @Override
  public Mono<Boolean> create(ExpenditureClaim claim, List<ClaimEvent> events) {
    return writer.write(AggregateWrite.create(COLLECTION, claim.id(), claim, outbox(events)))
        .thenReturn(true)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  @Override
  public Mono<Void> update(ExpenditureClaim next, List<ClaimEvent> events) {
    return writer.write(AggregateWrite.update(COLLECTION, next.id(), next.version(), next, outbox(events)))
        .then();
  }

  @Override
  public Flux<ExpenditureClaim> search(Filter f) {
    Criteria c = new Criteria();
    if (f.programId() != null) {
      c = c.and("programId").is(f.programId());
    }
    if (f.organisationCode() != null) {
      c = c.and("organisationCode").is(f.organisationCode());
    }
    if (f.status() != null) {
      c = c.and("status").is(f.status().name());
    }
    return template.find(new Query(c).with(Sort.by("_id")), ExpenditureClaim.class, COLLECTION);
  }

  @Override
  public Mono<Long> grantedFen(String programId, String organisationCode, int fiscalYear, String excludingClaimId) {
    Query q = new Query(Criteria.where("programId").is(programId).and("organisationCode").is(organisationCode)
        .and("fiscalYear").is(fiscalYear).and("status").is(ClaimStatus.VERIFIED.name()).and("_id").ne(excludingClaimId));
    return template.find(q, ExpenditureClaim.class, COLLECTION).map(ExpenditureClaim::subsidyFen).reduce(0L, Long::sum);
  }

  private List<org.fundflow.platform.outbox.OutboxEvent> outbox(List<ClaimEvent> events) {
    return events.stream().map(integration::of).toList();
  }
}
