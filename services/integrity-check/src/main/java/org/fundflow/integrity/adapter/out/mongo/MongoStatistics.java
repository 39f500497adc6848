package org.fundflow.integrity.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.in.StatisticsUseCase.FlagCount;
import org.fundflow.integrity.application.port.out.Statistics;
import org.fundflow.integrity.domain.Severity;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Flags live in their subject's record ({@code integrity-records.flags}): the store unwinds them and groups by rule
 * code and severity; only the counts travel.
 */
public final class MongoStatistics implements Statistics {

  private final ReactiveMongoTemplate template;

  public MongoStatistics(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Flux<FlagCount> flagCounts() {
    List<Document> pipeline = List.of(
        new Document("$match", new Document("flags", new Document("$exists", true).append("$ne", List.of()))),
        new Document("$unwind", "$flags"),
        new Document("$group", new Document("_id", new Document("rule", "$flags.rule.code")
            .append("severity", "$flags.severity")).append("count", new Document("$sum", 1))));
    return template.getCollection(IntegrityRecordDocument.COLLECTION)
        .flatMapMany(c -> Flux.from(c.aggregate(pipeline, Document.class)))
        .map(d -> {
          Document key = (Document) d.get("_id");
          return new FlagCount(key.getString("rule"), Severity.valueOf(key.getString("severity")),
              ((Number) d.get("count")).longValue());
        });
  }
}
