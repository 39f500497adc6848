package org.fundflow.integrity.adapter.out.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.out.ProposalArchive;
import org.fundflow.integrity.domain.rules.ProposalFacts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code proposals}: the submitted proposals seen, by proposal id. */
public final class MongoProposalArchive implements ProposalArchive {

  static final String C = "proposals";

  private final ReactiveMongoTemplate template;

  public MongoProposalArchive(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Void> remember(ProposalFacts p) {
    Update update = new Update()
        .setOnInsert("programId", p.programId())
        .setOnInsert("organisationCode", p.organisationCode())
        .setOnInsert("principalInvestigatorHash", p.principalInvestigatorHash())
        .setOnInsert("title", p.title())
        .setOnInsert("abstract", p.abstractText())
        .setOnInsert("eventId", p.eventId())
        .setOnInsert("submittedAt", p.submittedAt());
    return template.upsert(new Query(Criteria.where("_id").is(p.proposalId())), update, C)
        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
        .then();
  }

  @Override
  public Flux<ProposalFacts> ofOrganisationOrInvestigator(String organisationCode, String piHash,
      String otherThanProgramId) {
    List<Criteria> any = new ArrayList<>();
    any.add(Criteria.where("organisationCode").is(organisationCode));
    if (piHash != null) {
      any.add(Criteria.where("principalInvestigatorHash").is(piHash));
    }
    Criteria elsewhere = new Criteria().andOperator(new Criteria().orOperator(any),
        Criteria.where("programId").ne(otherThanProgramId));
    return template.find(new Query(elsewhere), Document.class, C)
        .map(d -> new ProposalFacts(d.getString("_id"), d.getString("programId"), d.getString("organisationCode"),
            d.getString("principalInvestigatorHash"), d.getString("title"), d.getString("abstract"),
            d.getString("eventId"), d.get("submittedAt") instanceof java.util.Date date ? date.toInstant() : Instant.EPOCH));
  }
}
