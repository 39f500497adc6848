package org.fundflow.milestone.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.fundflow.milestone.application.port.in.StatisticsUseCase.StatusCount;
import org.fundflow.milestone.application.port.out.Statistics;
import org.fundflow.milestone.domain.ProjectStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/** The projects grouped by status in the store: only the counts travel. */
public final class MongoStatistics implements Statistics {

  private final ReactiveMongoTemplate template;

  public MongoStatistics(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Flux<StatusCount> projectsPerStatus() {
    List<Document> pipeline = List.of(
        new Document("$group", new Document("_id", "$status").append("count", new Document("$sum", 1))));
    return template.getCollection(MongoProjects.COLLECTION)
        .flatMapMany(c -> Flux.from(c.aggregate(pipeline, Document.class)))
        .filter(d -> d.getString("_id") != null)
        .map(d -> new StatusCount(ProjectStatus.valueOf(d.getString("_id")), ((Number) d.get("count")).longValue()));
  }
}
