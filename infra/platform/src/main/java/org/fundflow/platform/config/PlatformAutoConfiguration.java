package org.fundflow.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.AggregateIndexes;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.KafkaOutboxPublisher;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.outbox.OutboxProperties;
import org.fundflow.platform.outbox.OutboxPublisher;
import org.fundflow.platform.outbox.OutboxRelay;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.fundflow.platform.problem.ProblemResponses;
import org.fundflow.platform.resilience.StoreGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform plumbing into every service that has it on its class path. */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
    "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

  static {
    // a controller's Caller parameter comes from the token, not from the request: keep it out of the API docs
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(org.fundflow.platform.security.Caller.class);
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  OutboxEvents outboxEvents(@Value("${fundflow.events.source:/fundflow/${spring.application.name:unknown}}") String source,
      ObjectProvider<JsonMapper> mapper, Clock clock) {
    return new OutboxEvents(source, mapper.getIfAvailable(JsonMapper::new), clock);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(OutboxPublisher.class)
  KafkaOutboxPublisher kafkaOutboxPublisher(
      @Value("${fundflow.kafka.bootstrap-servers:${spring.cloud.stream.kafka.binder.brokers:localhost:9092}}") String servers,
      @Value("${fundflow.kafka.topic-partitions:3}") int partitions,
      OutboxEvents events) {
    return new KafkaOutboxPublisher(servers, events.source(), partitions);
  }

  @Bean
  @ConditionalOnMissingBean
  OutboxRelay outboxRelay(ReactiveMongoTemplate template, OutboxPublisher publisher, OutboxProperties properties,
      Clock clock, ObjectProvider<MeterRegistry> meters) {
    String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    OutboxRelay relay = new OutboxRelay(template, publisher, properties.collections(), owner,
        properties.pollInterval(), properties.lease(), properties.batchSize(), clock, meters.getIfAvailable());
    relay.setAutoStartup(properties.relayEnabled());
    return relay;
  }

  /** Created in the background at start-up: without it writes still work, only slower on mongo-java-server. */
  @Bean
  @ConditionalOnMissingBean
  AggregateIndexes aggregateIndexes(ReactiveMongoTemplate template, OutboxProperties properties) {
    AggregateIndexes indexes = new AggregateIndexes(template);
    indexes.ensure(properties.collections())
        .retryWhen(reactor.util.retry.Retry.backoff(5, Duration.ofSeconds(1)))
        .subscribe(null, e -> org.slf4j.LoggerFactory.getLogger(AggregateIndexes.class)
            .warn("aggregate indexes not created: {}", e.toString()));
    return indexes;
  }

  @Bean
  @ConditionalOnMissingBean
  AggregateWriter aggregateWriter(ReactiveMongoTemplate template, OutboxRelay relay) {
    return new AggregateWriter(template, relay);
  }

  @Bean
  @ConditionalOnMissingBean
  EventReader eventReader(ObjectProvider<JsonMapper> mapper, Validator validator) {
    return new EventReader(mapper.getIfAvailable(JsonMapper::new), validator);
  }

  @Bean
  @ConditionalOnMissingBean
  PersonIdHasher personIdHasher(
      @Value("${fundflow.privacy.person-id-key:fundflow-development-key-change-me}") String key) {
    return new PersonIdHasher(key);
  }

  @Bean
  @ConditionalOnMissingBean
  StoreGuard storeGuard(@Value("${fundflow.store.timeout:5s}") Duration timeout,
      @Value("${fundflow.store.open-for:5s}") Duration openFor) {
    return new StoreGuard(timeout, openFor);
  }

  /**
   * Readiness of the store with a plain {@code ping}: Boot's own Mongo indicator sends {@code hello},
   * which mongo-java-server does not know; {@code ping} works on every MongoDB.
   */
  @Bean(name = "mongoHealthContributor")
  @ConditionalOnMissingBean(name = "mongoHealthContributor")
  ReactiveHealthIndicator mongoHealthContributor(ReactiveMongoTemplate template) {
    return () -> template.executeCommand("{ ping: 1 }")
        .map(reply -> Health.up().withDetail("ping", "ok").build())
        .timeout(Duration.ofSeconds(3))
        .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.toString()).build()));
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemResponses problemResponses() {
    return new ProblemResponses();
  }
}
