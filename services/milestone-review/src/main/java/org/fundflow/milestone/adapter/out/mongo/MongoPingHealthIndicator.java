package org.fundflow.milestone.adapter.out.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The store's health by {@code ping}. Boot's own indicator sends {@code hello}, which the
 * Mongo-wire store (mongo-java-server) of the tests and the devstack does not know, so readiness
 * would stay DOWN there; {@code ping} works on it and on MongoDB alike.
 */
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

  private final ReactiveMongoTemplate template;

  public MongoPingHealthIndicator(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Health> health() {
    return template.executeCommand(new Document("ping", 1))
        .map(answer -> Health.up().withDetail("command", "ping").build())
        .onErrorResume(e -> Mono.just(Health.down(e).build()));
  }
}
