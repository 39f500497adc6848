package org.fundflow.subsidy.adapter.out.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.Document;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProgramCopy;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.Program;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.SubsidyRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per program in {@code programs}: the copy of intake's program (replaced only by a newer
 * revision) plus this service's budget totals and the {@code commitments} map keyed by disbursement id.
 * {@code allocatedFen} is kept equal to committed + released in every update so the budget guard is a
 * plain conditional filter ({@code allocatedFen <= budgetFen - amount}) on one document.
 * The stored names are older than the API's words and stay (renaming them needs a data migration):
 * {@code committedFen} = reserved for release (a release in flight), {@code releasedFen} = paid.
 */
public class MongoPrograms implements Programs {

  public static final String COLLECTION = "programs";
  static final String RESERVED = "RESERVED";
  static final String RELEASED = "RELEASED";

  private final ReactiveMongoTemplate template;

  public MongoPrograms(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Program> find(String programId) {
    return raw(programId).map(MongoPrograms::toProgram);
  }

  @Override
  public Mono<Void> apply(ProgramCopy p) {
    Query newer = new Query(Criteria.where("_id").is(p.programId()).and("revision").lt(p.revision()));
    Update u = new Update()
        .set("kind", p.kind().name())
        .set("name", p.name())
        .set("budgetFen", p.budgetFen())
        .set("fundingSplit", p.fundingSplit() == null ? null
            : new Document("advancePercent", p.fundingSplit().advancePercent())
                .append("balancePercent", p.fundingSplit().balancePercent()))
        .set("postSubsidyRule", p.postSubsidyRule() == null ? null : ruleDocument(p.postSubsidyRule()))
        .set("revision", p.revision())
        .setOnInsert("committedFen", 0L)
        .setOnInsert("releasedFen", 0L)
        .setOnInsert("allocatedFen", 0L)
        .setOnInsert("commitments", new Document());
    // an older or equal revision matches nothing and the upsert hits the existing _id: ignored
    return template.upsert(newer, u, COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }

  @Override
  public Mono<Reservation> reserve(String programId, String disbursementId, long amountFen) {
    return reserve(programId, disbursementId, amountFen, 5);
  }

  private Mono<Reservation> reserve(String programId, String disbursementId, long amountFen, int attempts) {
    String key = key(disbursementId);
    return raw(programId).flatMap(doc -> {
      long budget = number(doc, "budgetFen");
      Query guard = new Query(Criteria.where("_id").is(programId)
          .and("budgetFen").is(budget)
          .and("allocatedFen").lte(budget - amountFen)
          .and("commitments." + key).exists(false));
      Update reserve = new Update()
          .inc("committedFen", amountFen)
          .inc("allocatedFen", amountFen)
          .set("commitments." + key, new Document("disbursementId", disbursementId)
              .append("amountFen", amountFen)
              .append("state", RESERVED)
              .append("at", new Date()));
      return template.updateFirst(guard, reserve, COLLECTION).flatMap(result -> {
        if (result.getModifiedCount() == 1) {
          return Mono.just(Reservation.RESERVED);
        }
        return raw(programId).flatMap(now -> {
          Document entry = commitment(now, key);
          if (entry != null) {
            return Mono.just(RELEASED.equals(entry.getString("state"))
                ? Reservation.ALREADY_RELEASED : Reservation.ALREADY_RESERVED);
          }
          if (number(now, "budgetFen") != budget && attempts > 0) {
            return reserve(programId, disbursementId, amountFen, attempts - 1);
          }
          return Mono.just(Reservation.INSUFFICIENT_BUDGET);
        });
      });
    }).defaultIfEmpty(Reservation.UNKNOWN_PROGRAM);
  }

  @Override
  public Mono<Void> confirm(String programId, String disbursementId) {
    return settle(programId, disbursementId, (key, amount) -> new Update().inc("committedFen", -amount)
        .inc("releasedFen", amount).set("commitments." + key + ".state", RELEASED));
  }

  @Override
  public Mono<Void> undo(String programId, String disbursementId) {
    return settle(programId, disbursementId, (key, amount) -> new Update().inc("committedFen", -amount)
        .inc("allocatedFen", -amount).unset("commitments." + key));
  }

  /** Settles a reservation still RESERVED (else nothing): the update, given its key and amount, only while it is. */
  private Mono<Void> settle(String programId, String disbursementId, BiFunction<String, Long, Update> settlement) {
    String key = key(disbursementId);
    return raw(programId).flatMap(doc -> {
      Document entry = commitment(doc, key);
      if (entry == null || !RESERVED.equals(entry.getString("state"))) {
        return Mono.empty();
      }
      long amount = number(entry, "amountFen");
      Query q = new Query(Criteria.where("_id").is(programId).and("commitments." + key + ".state").is(RESERVED));
      return template.updateFirst(q, settlement.apply(key, amount), COLLECTION).then();
    });
  }

  @Override
  public Flux<PendingReservation> reservationsBefore(Instant before) {
    return template.findAll(Document.class, COLLECTION).flatMapIterable(doc -> {
      List<PendingReservation> pending = new ArrayList<>();
      Document commitments = doc.get("commitments", Document.class);
      if (commitments != null) {
        for (Map.Entry<String, Object> e : commitments.entrySet()) {
          Document c = (Document) e.getValue();
          Date at = c.getDate("at");
          if (RESERVED.equals(c.getString("state")) && at != null && at.toInstant().isBefore(before)) {
            pending.add(new PendingReservation(doc.getString("_id"), c.getString("disbursementId"),
                number(c, "amountFen"), at.toInstant()));
          }
        }
      }
      return pending;
    });
  }

  private Mono<Document> raw(String programId) {
    return template.findById(programId, Document.class, COLLECTION);
  }

  private static Document commitment(Document doc, String key) {
    Document commitments = doc.get("commitments", Document.class);
    return commitments == null ? null : commitments.get(key, Document.class);
  }

  /** Map keys may not contain '.' or start with '$'. */
  static String key(String disbursementId) {
    return disbursementId.replace('.', '_').replace('$', '_');
  }

  private static long number(Document doc, String field) {
    Object v = doc.get(field);
    return v == null ? 0L : ((Number) v).longValue();
  }

  private static Document ruleDocument(SubsidyRule r) {
    List<Document> tiers = r.tiers().stream()
        .map(t -> new Document("fromFen", t.fromFen()).append("rateBasisPoints", t.rateBasisPoints()))
        .toList();
    Document rule = new Document("base", r.base().name()).append("tiers", tiers);
    if (r.capped()) {
      rule.append("capPerOrganisationPerYearFen", r.capPerOrganisationPerYearFen()); // no cap: no field
    }
    return rule.append("minimumIncreaseFen", r.minimumIncreaseFen());
  }

  static Program toProgram(Document d) {
    Document split = d.get("fundingSplit", Document.class);
    Document rule = d.get("postSubsidyRule", Document.class);
    SubsidyRule subsidyRule = null;
    if (rule != null) {
      List<SubsidyRule.Tier> tiers = rule.getList("tiers", Document.class).stream()
          .map(t -> new SubsidyRule.Tier(number(t, "fromFen"), (int) number(t, "rateBasisPoints")))
          .toList();
      // no cap: no field. A stored 0 predates issue 12 point 9, when this service read a 0 cap as "no cap"
      // (intake never published one); it keeps that meaning rather than becoming a cap of nothing.
      long cap = number(rule, "capPerOrganisationPerYearFen");
      subsidyRule = new SubsidyRule(SubsidyRule.Base.valueOf(rule.getString("base")), tiers,
          cap > 0 ? Long.valueOf(cap) : null, number(rule, "minimumIncreaseFen"));
    }
    return new Program(d.getString("_id"), ProgramKind.valueOf(d.getString("kind")), d.getString("name"),
        number(d, "budgetFen"),
        split == null ? null : new FundingSplit((int) number(split, "advancePercent"), (int) number(split, "balancePercent")),
        subsidyRule, number(d, "revision"), number(d, "committedFen"), number(d, "releasedFen"));
  }
}
