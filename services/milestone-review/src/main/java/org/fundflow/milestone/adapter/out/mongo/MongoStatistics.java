package org.fundflow.milestone.adapter.out.mongo;

import org.bson.Document;
import org.fundflow.milestone.application.port.in.StatisticsUseCase.StatusCount;
import org.fundflow.milestone.application.port.out.Statistics;
import org.fundflow.milestone.domain.ProjectStatus;
import org.fundflow.platform.readmodel.StoreFigures;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/** The projects grouped by status in the store: only the counts travel. */
public final class MongoStatistics extends StoreFigures implements Statistics {

  public MongoStatistics(ReactiveMongoTemplate template) {
    super(template);
  }

  @Override
  public Flux<StatusCount> projectsPerStatus() {
    return aggregate(MongoProjects.COLLECTION,
        new Document("$group", new Document("_id", "$status").append("count", new Document("$sum", 1))))
        .filter(d -> d.getString("_id") != null)
        .map(d -> new StatusCount(ProjectStatus.valueOf(d.getString("_id")), number(d, "count")));
  }
}
