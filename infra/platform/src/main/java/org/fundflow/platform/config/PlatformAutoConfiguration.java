package org.fundflow.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.correlation.CorrelationWebFilter;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.json.StrictJson;
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
import org.fundflow.platform.tracing.CurrentTrace;
import org.fundflow.platform.tracing.TracerCurrentTrace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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
import org.fundflow.platform.web.IfMatchArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
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
    // the same for an @IfMatch ExpectedVersion: it is the If-Match header, not a query parameter
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(
        org.fundflow.platform.domain.ExpectedVersion.class);
    // the correlation id of the Reactor context in the log context (MDC) of every operator, as the trace ids are
    org.fundflow.platform.correlation.CorrelationLogContext.register();
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
      OutboxEvents events, Environment environment) {
    return new KafkaOutboxPublisher(servers, events.source(), partitions, binderClientProperties(environment));
  }

  /** The binder's client configuration (TLS, SASL), so that one setting configures every Kafka client. */
  static Map<String, String> binderClientProperties(Environment environment) {
    return Binder.get(environment)
        .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
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
  AggregateWriter aggregateWriter(ReactiveMongoTemplate template, OutboxRelay relay, ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator) {
    Tracer t = tracer.getIfAvailable();
    Propagator p = propagator.getIfAvailable();
    CurrentTrace trace = t == null || p == null ? CurrentTrace.NONE : new TracerCurrentTrace(t, p);
    return new AggregateWriter(template, relay, trace);
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

  /** The national ID port of every service: the keyed hash and the mask of {@link PersonIdHasher}. */
  @Bean
  @ConditionalOnMissingBean(PersonIdProtection.class)
  PersonIdProtection personIdProtection(PersonIdHasher hasher) {
    return hasher.protection();
  }

  @Bean
  @ConditionalOnMissingBean
  StoreGuard storeGuard(@Value("${fundflow.store.timeout:5s}") Duration timeout,
      io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers) {
    // the breaker's settings and metrics: resilience4j-spring-boot4 from resilience4j.circuitbreaker.instances.store
    return new StoreGuard(timeout, breakers.circuitBreaker(StoreGuard.BREAKER));
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

  /** Strict JSON reading (no scalar coercion) for every service: see {@link StrictJson}. */
  @Bean
  StrictJson fundflowStrictJson() {
    return new StrictJson();
  }

  /** The correlation id of every request (X-Correlation-Id, or a fresh one) in its Reactor context. */
  @Bean
  @ConditionalOnMissingBean
  CorrelationWebFilter correlationWebFilter() {
    return new CorrelationWebFilter();
  }

  /** Lets controllers take {@code @IfMatch ExpectedVersion}: If-Match read the same way in every service. */
  @Bean
  WebFluxConfigurer fundflowIfMatchArgument() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new IfMatchArgumentResolver());
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemResponses problemResponses() {
    return new ProblemResponses();
  }
}
