package org.fundflow.archclean.adapter.out.mongo;

import org.fundflow.archclean.domain.Thing;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

public class ThingStore {
  private final ReactiveMongoTemplate mongo;

  public ThingStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public reactor.core.publisher.Mono<Thing> load(String id) {
    return mongo.findById(id, Thing.class);
  }
}
