package org.fundflow.integrity.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.integrity.application.port.in.StatisticsUseCase.FlagCount;
import org.fundflow.integrity.application.port.out.Statistics;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.platform.readmodel.StoreFigures;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * Flags live in their subject's record ({@code integrity-records.flags}): the store unwinds them and groups by rule
 * code and severity; only the counts travel.
 */
public final class MongoStatistics extends StoreFigures implements Statistics {

  public MongoStatistics(ReactiveMongoTemplate template) {
    super(template);
  }

  @Override
  public Flux<FlagCount> flagCounts() {
    return aggregate(IntegrityRecordDocument.COLLECTION,
        new Document("$match", new Document("flags", new Document("$exists", true).append("$ne", List.of()))),
        new Document("$unwind", "$flags"),
        new Document("$group", new Document("_id", new Document("rule", "$flags.rule.code")
            .append("severity", "$flags.severity")).append("count", new Document("$sum", 1))))
        .map(d -> {
          Document key = (Document) d.get("_id");
          return new FlagCount(key.getString("rule"), Severity.valueOf(key.getString("severity")), number(d, "count"));
        });
  }
}
