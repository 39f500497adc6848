package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.platform.domain.ConcurrentChange;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class MongoProposals implements Proposals {

  public static final String COLLECTION = "proposals";

  private final MongoAggregates store;

  MongoProposals(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Mono<Proposal> find(String id) {
    return store.find(COLLECTION, id, Proposal.class);
  }

  @Override
  public Flux<Proposal> list(Filter f) {
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
    return store.template().find(query, Document.class, COLLECTION).map(doc -> store.read(doc, Proposal.class));
  }

  @Override
  public Mono<Proposal> save(Proposal proposal, List<IntakeEvent> events) {
    return store.save(COLLECTION, proposal.id(), proposal, proposal.version() == 0 ? null : proposal.version(), events)
        .thenReturn(proposal.atVersion(proposal.version() + 1));
  }

  @Override
  public Mono<Void> delete(String id, long expectedVersion) {
    Query exact = new Query(where("_id").is(id).and("version").is(expectedVersion));
    return store.template().remove(exact, COLLECTION).flatMap(result -> result.getDeletedCount() == 1
        ? Mono.<Void>empty()
        : Mono.error(new ConcurrentChange("proposal " + id + " changed")));
  }
}
