package org.fundflow.intake.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.intake.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.intake.application.port.in.StatisticsUseCase.StatusCount;
import org.fundflow.intake.application.port.out.Statistics;
import org.fundflow.intake.domain.ProposalStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * Program figures by a projection of {@code programs} (terms' name, kind and budget, the awarded amount); the funnel
 * by an aggregation of {@code proposals} (those with a submission, grouped by status): only the counts travel.
 */
public final class MongoStatistics implements Statistics {

  private final ReactiveMongoTemplate template;

  public MongoStatistics(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Flux<ProgramFigures> programFigures() {
    Query all = new Query();
    all.fields().include("_id", "terms.name", "terms.kind", "terms.budgetFen", "status", "committedFen");
    return template.find(all, Document.class, MongoPrograms.COLLECTION).map(d -> {
      Document terms = d.get("terms", Document.class);
      return new ProgramFigures(d.getString("_id"), terms.getString("name"), terms.getString("kind"),
          d.getString("status"), number(terms, "budgetFen"), number(d, "committedFen"));
    });
  }

  @Override
  public Flux<StatusCount> submittedPerStatus() {
    List<Document> pipeline = List.of(
        new Document("$match", new Document("submission", new Document("$ne", null))),
        new Document("$group", new Document("_id", "$status").append("count", new Document("$sum", 1))));
    return template.getCollection(MongoProposals.COLLECTION)
        .flatMapMany(c -> Flux.from(c.aggregate(pipeline, Document.class)))
        .map(d -> new StatusCount(ProposalStatus.valueOf(d.getString("_id")), number(d, "count")));
  }

  private static long number(Document d, String field) {
    Object v = d.get(field);
    return v == null ? 0L : ((Number) v).longValue();
  }
}
