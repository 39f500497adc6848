package org.fundflow.subsidy.adapter.out.mongo;

import java.time.ZoneId;
import org.bson.Document;
import org.fundflow.platform.readmodel.StoreFigures;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.MonthFigures;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.subsidy.application.port.out.Statistics;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Program figures by a projection of {@code programs} (the money fields, not the commitments); payments per month by
 * an aggregation of {@code disbursements} (RELEASED, grouped by {@code $dateToString} of {@code releasedAt} in the
 * zone): only the sums travel.
 */
public final class MongoStatistics extends StoreFigures implements Statistics {

  public MongoStatistics(ReactiveMongoTemplate template) {
    super(template);
  }

  @Override
  public Flux<ProgramFigures> programFigures() {
    return fields(MongoPrograms.COLLECTION, "_id", "name", "kind", "budgetFen", "releasedFen", "committedFen")
        .map(d -> new ProgramFigures(d.getString("_id"), d.getString("name"), d.getString("kind"),
            number(d, "budgetFen"), number(d, "releasedFen"), number(d, "committedFen")));
  }

  @Override
  public Flux<MonthFigures> releasedPerMonth(ZoneId zone) {
    return aggregate(MongoDisbursements.COLLECTION,
        new Document("$match", new Document("status", DisbursementStatus.RELEASED.name())
            .append("releasedAt", new Document("$ne", null))),
        new Document("$group", new Document("_id", new Document("$dateToString", new Document("format", "%Y-%m")
            .append("date", "$releasedAt").append("timezone", zone.getId())))
            .append("count", new Document("$sum", 1)).append("amountFen", new Document("$sum", "$amountFen"))))
        .map(d -> new MonthFigures(d.getString("_id"), number(d, "count"), number(d, "amountFen")));
  }
}
