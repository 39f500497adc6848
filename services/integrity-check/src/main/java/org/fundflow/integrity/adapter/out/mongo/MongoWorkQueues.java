package org.fundflow.integrity.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagStatus;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.HoldFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryStatus;
import org.fundflow.integrity.application.port.in.QueueCursor;
import org.fundflow.integrity.application.port.out.WorkQueues;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityCase;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.SubjectType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The work queues read from {@code integrity-records} (flags, cases and holds live in their subject's record) by
 * aggregation in the store: the records are narrowed by indexed array fields, the items unwound, filtered, sorted
 * (time then id, descending) and cut after the cursor; only one page travels. List entries come from
 * {@code dishonesty-list} by an ordinary indexed query.
 */
public final class MongoWorkQueues implements WorkQueues {

  private static final String RECORDS = IntegrityRecordDocument.COLLECTION;
  private static final String LIST = MongoDishonestyList.C;

  private final ReactiveMongoTemplate template;

  public MongoWorkQueues(ReactiveMongoTemplate template) {
    this.template = template;
  }

  public Mono<Void> ensureIndexes() {
    var records = template.indexOps(RECORDS);
    var list = template.indexOps(LIST);
    return Flux.concat(
        records.createIndex(new Index().on("flags.severity", Sort.Direction.ASC)),
        records.createIndex(new Index().on("flags.rule.code", Sort.Direction.ASC)),
        records.createIndex(new Index().on("cases.status", Sort.Direction.ASC)),
        records.createIndex(new Index().on("holds.status", Sort.Direction.ASC)),
        list.createIndex(new Index().on("importedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)),
        list.createIndex(new Index().on("partyType", Sort.Direction.ASC).on("partyId", Sort.Direction.ASC)),
        list.createIndex(new Index().on("authority", Sort.Direction.ASC))).then();
  }

  @Override
  public Flux<FlagItem> flags(FlagFilter f, QueueCursor after, int limit) {
    Document item = new Document();
    if (f.ruleCode() != null) {
      item.append("rule.code", f.ruleCode());
    }
    if (f.severity() != null) {
      item.append("severity", f.severity().name());
    }
    List<Document> pipeline = new ArrayList<>();
    pipeline.add(match(narrow(f.organisationCode(), "flags", item)));
    pipeline.add(new Document("$unwind", "$flags"));
    pipeline.add(match(prefixed("flags.", item)));
    // the flag's case: the last case of the record that names it (a flag of a dismissed case may be opened again)
    pipeline.add(new Document("$addFields", new Document("queueCase", new Document("$arrayElemAt", List.of(
        new Document("$filter", new Document("input", new Document("$ifNull", List.of("$cases", List.of())))
            .append("as", "c").append("cond", new Document("$in", List.of("$flags.flagId", "$$c.flagIds")))), -1)))));
    pipeline.add(new Document("$addFields", new Document("queueStatus",
        new Document("$ifNull", List.of("$queueCase.status", FlagStatus.NEW.name())))));
    Document status = new Document();
    if (f.status() != null) {
      status.append("queueStatus", f.status().name());
    }
    pipeline.add(match(keyset(status, "flags.raisedAt", "flags.flagId", after)));
    pipeline.addAll(page("flags.raisedAt", "flags.flagId", limit));
    return aggregate(pipeline).map(d -> {
      Flag flag = template.getConverter().read(Flag.class, (Document) d.get("flags"));
      Document inCase = (Document) d.get("queueCase");
      return new FlagItem(flag, FlagStatus.valueOf(d.getString("queueStatus")),
          inCase == null ? null : inCase.getString("caseId"));
    });
  }

  @Override
  public Flux<CaseItem> cases(CaseFilter f, QueueCursor after, int limit) {
    Document item = new Document();
    if (f.status() != null) {
      item.append("status", f.status().name());
    }
    List<Document> pipeline = new ArrayList<>();
    pipeline.add(match(narrow(f.organisationCode(), "cases", item)));
    pipeline.add(new Document("$unwind", "$cases"));
    pipeline.add(match(prefixed("cases.", item)));
    pipeline.add(new Document("$addFields", new Document("queueFirstStep",
        new Document("$arrayElemAt", List.of("$cases.steps", 0)))));
    pipeline.add(new Document("$addFields", new Document("queueOpenedAt", "$queueFirstStep.at")));
    pipeline.add(match(keyset(new Document(), "queueOpenedAt", "cases.caseId", after)));
    pipeline.addAll(page("queueOpenedAt", "cases.caseId", limit));
    return aggregate(pipeline).map(d -> {
      IntegrityCase c = template.getConverter().read(IntegrityCase.class, (Document) d.get("cases"));
      return new CaseItem(c.caseId(), c.subject(), c.status(), c.severity(), c.flagIds(), c.holdIds(),
          d.getDate("queueOpenedAt").toInstant(), c.revision());
    });
  }

  @Override
  public Flux<Hold> holds(HoldFilter f, QueueCursor after, int limit) {
    Document item = new Document();
    if (f.status() != null) {
      item.append("status", f.status().name());
    }
    List<Document> pipeline = new ArrayList<>();
    pipeline.add(match(narrow(f.organisationCode(), "holds", item)));
    pipeline.add(new Document("$unwind", "$holds"));
    pipeline.add(match(keyset(prefixed("holds.", item), "holds.startsAt", "holds.holdId", after)));
    pipeline.addAll(page("holds.startsAt", "holds.holdId", limit));
    return aggregate(pipeline).map(d -> template.getConverter().read(Hold.class, (Document) d.get("holds")));
  }

  /** Entry dates are ISO strings, so they compare as strings. */
  @Override
  public Flux<ListEntryItem> listEntries(ListEntryFilter f, LocalDate today, QueueCursor after, int limit) {
    List<Criteria> all = new ArrayList<>();
    if (f.authority() != null) {
      all.add(Criteria.where("authority").is(f.authority()));
    }
    if (f.organisationCode() != null) {
      all.add(Criteria.where("partyType").is(SubjectType.ORGANISATION.name()).and("partyId").is(f.organisationCode()));
    } else if (f.partyType() != null) {
      all.add(Criteria.where("partyType").is(f.partyType().name()));
    }
    String day = today.toString();
    if (f.status() == ListEntryStatus.UPCOMING) {
      all.add(Criteria.where("effectiveDate").gt(day));
    } else if (f.status() == ListEntryStatus.ENDED) {
      all.add(Criteria.where("endDate").lt(day));
    } else if (f.status() == ListEntryStatus.IN_FORCE) {
      all.add(Criteria.where("effectiveDate").lte(day));
      all.add(new Criteria().orOperator(Criteria.where("endDate").is(null), Criteria.where("endDate").gte(day)));
    }
    if (after != null) {
      Date at = Date.from(after.at());
      all.add(new Criteria().orOperator(Criteria.where("importedAt").lt(at),
          Criteria.where("importedAt").is(at).and("_id").lt(after.id())));
    }
    Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
        .with(Sort.by(Sort.Order.desc("importedAt"), Sort.Order.desc("_id"))).limit(limit);
    return template.find(query, Document.class, LIST).map(d -> {
      var entry = MongoDishonestyList.entry(d);
      ListEntryStatus status = entry.effectiveDate().isAfter(today) ? ListEntryStatus.UPCOMING
          : entry.activeOn(today) ? ListEntryStatus.IN_FORCE : ListEntryStatus.ENDED;
      return new ListEntryItem(entry, status, d.getDate("importedAt").toInstant());
    });
  }

  @Override
  public Mono<Set<String>> storedListEntries(Collection<String> entryIds) {
    if (entryIds.isEmpty()) {
      return Mono.just(Set.of());
    }
    Query query = new Query(Criteria.where("_id").in(entryIds));
    query.fields().include("_id");
    return template.find(query, Document.class, LIST).map(d -> d.getString("_id"))
        .collect(HashSet<String>::new, Set::add).map(Set::copyOf);
  }

  // ------------------------------------------------------------------ pipeline pieces

  /** The records worth unwinding: the organisation's, holding at least one item that matches. */
  private static Document narrow(String organisationCode, String array, Document item) {
    Document m = new Document();
    if (organisationCode != null) {
      m.append("_id", Subject.organisation(organisationCode).key());
    }
    m.append(array, item.isEmpty() ? new Document("$exists", true).append("$ne", List.of())
        : new Document("$elemMatch", item));
    return m;
  }

  private static Document prefixed(String prefix, Document item) {
    Document d = new Document();
    item.forEach((k, v) -> d.append(prefix + k, v));
    return d;
  }

  /** Adds "after the cursor" in the order (time desc, id desc). */
  private static Document keyset(Document m, String time, String id, QueueCursor after) {
    if (after == null) {
      return m;
    }
    Date at = Date.from(after.at());
    return m.append("$or", List.of(new Document(time, new Document("$lt", at)),
        new Document(time, at).append(id, new Document("$lt", after.id()))));
  }

  private static List<Document> page(String time, String id, int limit) {
    return List.of(new Document("$sort", new Document(time, -1).append(id, -1)), new Document("$limit", limit));
  }

  private static Document match(Document m) {
    return new Document("$match", m);
  }

  private Flux<Document> aggregate(List<Document> pipeline) {
    return template.getCollection(RECORDS).flatMapMany(c -> Flux.from(c.aggregate(pipeline, Document.class)));
  }
}
