package org.fundflow.platform.outbox;

import static org.fundflow.platform.outbox.AggregateDocument.ID;
import static org.fundflow.platform.outbox.AggregateDocument.VERSION;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A unique index on {@code (_id, version)} in every aggregate collection. On MongoDB the {@code _id} index
 * already serves the writer's conditional update {@code {_id, version}}; mongo-java-server uses an index only
 * when the filter names exactly its fields, so without this one every aggregate write scans the collection.
 */
public final class AggregateIndexes {

  static final String NAME = "aggregate_version";

  private final ReactiveMongoTemplate template;

  public AggregateIndexes(ReactiveMongoTemplate template) {
    this.template = template;
  }

  public Mono<Void> ensure(List<String> collections) {
    return Flux.fromIterable(collections)
        .concatMap(c -> template.indexOps(c)
            .createIndex(new Index().on(ID, Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC).unique().named(NAME)))
        .then();
  }
}
