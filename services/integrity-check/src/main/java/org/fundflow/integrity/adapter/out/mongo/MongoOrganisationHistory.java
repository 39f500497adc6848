package org.fundflow.integrity.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.out.OrganisationHistory;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Claim;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Release;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * {@code organisation-history}: per organisation its expenditure claims and the ids and total of
 * released subsidies. Each claim / release is added by one conditional update guarded by its id,
 * so a redelivery adds nothing.
 */
public final class MongoOrganisationHistory implements OrganisationHistory {

  static final String C = "organisation-history";

  private final ReactiveMongoTemplate template;

  public MongoOrganisationHistory(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<List<Claim>> recordClaim(Claim c) {
    Document claim = new Document("claimId", c.claimId()).append("eventId", c.eventId())
        .append("programId", c.programId()).append("fiscalYear", c.fiscalYear())
        .append("expenditureThisYearFen", c.expenditureThisYearFen())
        .append("expenditureLastYearFen", c.expenditureLastYearFen());
    Query q = new Query(Criteria.where("_id").is(c.organisationCode()).and("claimIds").ne(c.claimId()));
    Update u = new Update().push("claims", claim).push("claimIds", c.claimId());
    return template.upsert(q, u, C)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
        .then(template.findById(c.organisationCode(), Document.class, C))
        .map(d -> d.getList("claims", Document.class, List.of()).stream()
            .map(x -> new Claim(x.getString("eventId"), x.getString("claimId"), x.getString("programId"),
                c.organisationCode(), ((Number) x.get("fiscalYear")).intValue(),
                ((Number) x.get("expenditureThisYearFen")).longValue(),
                ((Number) x.get("expenditureLastYearFen")).longValue()))
            .toList());
  }

  @Override
  public Mono<Long> recordRelease(Release r) {
    Query q = new Query(Criteria.where("_id").is(r.organisationCode()).and("releaseIds").ne(r.disbursementId()));
    Update u = new Update().push("releaseIds", r.disbursementId()).inc("releasedTotalFen", r.amountFen());
    return template.upsert(q, u, C)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
        .then(template.findById(r.organisationCode(), Document.class, C))
        .map(d -> ((Number) d.get("releasedTotalFen")).longValue());
  }
}
