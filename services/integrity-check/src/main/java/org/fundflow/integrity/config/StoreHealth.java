package org.fundflow.integrity.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The store's health for readiness, by {@code ping}. Boot's own Mongo indicator sends
 * {@code hello}, which the embedded Mongo-wire store (tests, devstack) does not implement, so
 * readiness would stay DOWN there; {@code ping} works on it and on MongoDB alike. Named like
 * Boot's bean so that Boot's steps aside and the readiness group's {@code mongo} member is this one.
 */
@Configuration(proxyBeanMethods = false)
public class StoreHealth {

  @Bean(name = "mongoHealthIndicator")
  ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate template) {
    return () -> template.executeCommand(new Document("ping", 1))
        .flatMap(result -> template.getMongoDatabase().map(db -> Health.up().withDetail("database", db.getName())
            .withDetail("command", "ping").build()))
        .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName() + ": "
            + e.getMessage()).build()));
  }
}
