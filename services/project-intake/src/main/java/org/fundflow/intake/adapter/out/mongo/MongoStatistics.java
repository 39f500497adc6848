package org.fundflow.intake.adapter.out.mongo;

import org.bson.Document;
import org.fundflow.intake.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.intake.application.port.in.StatisticsUseCase.StatusCount;
import org.fundflow.intake.application.port.out.Statistics;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.platform.readmodel.StoreFigures;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Program figures by a projection of {@code programs} (terms' name, kind and budget, the awarded amount); the funnel
 * by an aggregation of {@code proposals} (those with a submission, grouped by status): only the counts travel.
 */
public final class MongoStatistics extends StoreFigures implements Statistics {

  public MongoStatistics(ReactiveMongoTemplate template) {
    super(template);
  }

  @Override
  public Flux<ProgramFigures> programFigures() {
    return fields(MongoPrograms.COLLECTION, "_id", "terms.name", "terms.kind", "terms.budgetFen", "status",
        "committedFen").map(d -> {
          Document terms = d.get("terms", Document.class);
          return new ProgramFigures(d.getString("_id"), terms.getString("name"), terms.getString("kind"),
              d.getString("status"), number(terms, "budgetFen"), number(d, "committedFen"));
        });
  }

  @Override
  public Flux<StatusCount> submittedPerStatus() {
    return aggregate(MongoProposals.COLLECTION,
        new Document("$match", new Document("submission", new Document("$ne", null))),
        new Document("$group", new Document("_id", "$status").append("count", new Document("$sum", 1))))
        .map(d -> new StatusCount(ProposalStatus.valueOf(d.getString("_id")), number(d, "count")));
  }
}
