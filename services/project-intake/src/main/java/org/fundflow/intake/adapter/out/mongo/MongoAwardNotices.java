package org.fundflow.intake.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.fundflow.intake.application.port.out.AwardNotices;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/** The proposals under public notice, read from {@code proposals} ({@code status}, {@code notice.endsAt}). */
public final class MongoAwardNotices implements AwardNotices {

  private final MongoAggregates store;

  MongoAwardNotices(MongoAggregates store) {
    this.store = store;
  }

  @Override
  public Flux<String> endedBy(Instant now, int limit) {
    Query due = new Query(where("status").is(ProposalStatus.UNDER_NOTICE.name())
        .and("notice.endsAt").lte(Date.from(now))).with(Sort.by("_id")).limit(limit);
    due.fields().include("_id");
    return store.template().find(due, Document.class, MongoProposals.COLLECTION).map(d -> String.valueOf(d.get("_id")));
  }

  @Override
  public Flux<Proposal> underNotice(String afterId, int limit) {
    Criteria criteria = where("status").is(ProposalStatus.UNDER_NOTICE.name());
    if (afterId != null) {
      criteria = criteria.and("_id").gt(afterId);
    }
    Query query = new Query(criteria).with(Sort.by("_id")).limit(limit);
    return store.template().find(query, Document.class, MongoProposals.COLLECTION)
        .map(doc -> store.read(doc, Proposal.class));
  }
}
