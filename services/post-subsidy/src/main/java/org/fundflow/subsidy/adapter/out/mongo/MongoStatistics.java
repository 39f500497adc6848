package org.fundflow.subsidy.adapter.out.mongo;

import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.MonthFigures;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.subsidy.application.port.out.Statistics;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * Program figures by a projection of {@code programs} (the money fields, not the commitments); payments per month by
 * an aggregation of {@code disbursements} (RELEASED, grouped by {@code $dateToString} of {@code releasedAt} in the
 * zone): only the sums travel.
 */
public final class MongoStatistics implements Statistics {

  private final ReactiveMongoTemplate template;

  public MongoStatistics(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Flux<ProgramFigures> programFigures() {
    Query all = new Query();
    all.fields().include("_id", "name", "kind", "budgetFen", "releasedFen", "committedFen");
    return template.find(all, Document.class, MongoPrograms.COLLECTION).map(d -> new ProgramFigures(d.getString("_id"),
        d.getString("name"), d.getString("kind"), number(d, "budgetFen"), number(d, "releasedFen"),
        number(d, "committedFen")));
  }

  @Override
  public Flux<MonthFigures> releasedPerMonth(ZoneId zone) {
    List<Document> pipeline = List.of(
        new Document("$match", new Document("status", DisbursementStatus.RELEASED.name())
            .append("releasedAt", new Document("$ne", null))),
        new Document("$group", new Document("_id", new Document("$dateToString", new Document("format", "%Y-%m")
            .append("date", "$releasedAt").append("timezone", zone.getId())))
            .append("count", new Document("$sum", 1)).append("amountFen", new Document("$sum", "$amountFen"))));
    return template.getCollection(MongoDisbursements.COLLECTION)
        .flatMapMany(c -> Flux.from(c.aggregate(pipeline, Document.class)))
        .map(d -> new MonthFigures(d.getString("_id"), number(d, "count"), number(d, "amountFen")));
  }

  private static long number(Document d, String field) {
    Object v = d.get(field);
    return v == null ? 0L : ((Number) v).longValue();
  }
}
