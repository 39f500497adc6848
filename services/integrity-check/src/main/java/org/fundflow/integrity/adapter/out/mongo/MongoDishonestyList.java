package org.fundflow.integrity.adapter.out.mongo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.SubjectType;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code dishonesty-list}: one document per entry, its id derived from the entry (imports are idempotent). */
public final class MongoDishonestyList implements DishonestyList {

  static final String C = "dishonesty-list";

  private final ReactiveMongoTemplate template;
  private final Clock clock;

  public MongoDishonestyList(ReactiveMongoTemplate template, Clock clock) {
    this.template = template;
    this.clock = clock;
  }

  @Override
  public Mono<Integer> add(List<DishonestyEntry> entries, String importedBy) {
    return Flux.fromIterable(entries)
        .concatMap(e -> template.insert(document(e, importedBy), C).thenReturn(1)
            .onErrorResume(DuplicateKeyException.class, x -> Mono.just(0)))
        .reduce(0, Integer::sum);
  }

  @Override
  public Flux<DishonestyEntry> of(Subject party) {
    return template.find(new Query(Criteria.where("partyType").is(party.type().name()).and("partyId").is(party.id())),
        Document.class, C).map(MongoDishonestyList::entry);
  }

  @Override
  public Flux<DishonestyEntry> importedBy(Subject party, java.time.Instant at) {
    return template.find(new Query(Criteria.where("partyType").is(party.type().name()).and("partyId").is(party.id())
        .and("importedAt").lte(java.util.Date.from(at))), Document.class, C).map(MongoDishonestyList::entry);
  }

  /** ISO dates compare as strings; {@code screenedAt} is set once an entry in force was screened. */
  @Override
  public Flux<DishonestyEntry> unscreenedInForceBy(LocalDate day) {
    return template.find(new Query(Criteria.where("screenedAt").exists(false).and("effectiveDate").lte(day.toString())),
        Document.class, C).map(MongoDishonestyList::entry);
  }

  @Override
  public Mono<Void> markScreened(List<String> entryIds, java.time.Instant at) {
    if (entryIds.isEmpty()) {
      return Mono.empty();
    }
    return template.updateMulti(new Query(Criteria.where("_id").in(entryIds).and("screenedAt").exists(false)),
        new org.springframework.data.mongodb.core.query.Update().set("screenedAt", java.util.Date.from(at)), C).then();
  }

  private Document document(DishonestyEntry e, String importedBy) {
    return new Document("_id", e.entryId())
        .append("partyType", e.party().type().name())
        .append("partyId", e.party().id())
        .append("partyName", e.partyName())
        .append("maskedPersonId", e.maskedPersonId())
        .append("misconduct", e.misconduct())
        .append("sanction", e.sanction())
        .append("authority", e.authority())
        .append("legalBasis", e.legalBasis())
        .append("effectiveDate", e.effectiveDate().toString())
        .append("endDate", e.endDate() == null ? null : e.endDate().toString())
        .append("importedBy", importedBy)
        .append("importedAt", java.util.Date.from(clock.instant()));
  }

  static DishonestyEntry entry(Document d) {
    String end = d.getString("endDate");
    return new DishonestyEntry(d.getString("_id"),
        new Subject(SubjectType.valueOf(d.getString("partyType")), d.getString("partyId")),
        d.getString("partyName"), d.getString("maskedPersonId"), d.getString("misconduct"), d.getString("sanction"),
        d.getString("authority"), d.getString("legalBasis"), LocalDate.parse(d.getString("effectiveDate")),
        end == null ? null : LocalDate.parse(end));
  }
}
