package org.fundflow.intake.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Readiness of the store by {@code ping}. Boot's own Mongo health indicator asks {@code hello},
 * which the Mongo-wire server of the devstack and of the tests does not know (it reports DOWN
 * forever); this one, named like it ("mongo"), replaces it and works on both.
 */
@Configuration(proxyBeanMethods = false)
public class StoreHealthConfiguration {

  @Bean(name = "mongoHealthIndicator")
  ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate template) {
    return () -> template.getMongoDatabase()
        .flatMap(db -> template.executeCommand(new Document("ping", 1))
            .map(result -> Health.up().withDetail("database", db.getName()).build()))
        .onErrorResume(e -> reactor.core.publisher.Mono.just(Health.down(e).build()));
  }
}
