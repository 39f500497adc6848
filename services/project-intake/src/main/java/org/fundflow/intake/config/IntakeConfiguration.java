package org.fundflow.intake.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.fundflow.intake.adapter.in.kafka.IntegrityEventsConsumer;
import org.fundflow.intake.adapter.out.kafka.IntakeIntegrationEvents;
import org.fundflow.intake.adapter.out.mongo.MongoAdapters;
import org.fundflow.intake.adapter.out.support.HashedPersonIds;
import org.fundflow.intake.adapter.out.support.TimeOrderedIds;
import org.fundflow.intake.application.port.in.HoldUseCases;
import org.fundflow.intake.application.service.HoldService;
import org.fundflow.intake.application.service.ProgramService;
import org.fundflow.intake.application.service.ProposalService;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/** Explicit wiring of the hexagon: adapters -> ports -> services. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

  @Bean
  MongoAdapters mongoAdapters(ReactiveMongoTemplate template, AggregateWriter writer, OutboxEvents events) {
    return new MongoAdapters(template, writer, new IntakeIntegrationEvents(events));
  }

  /** Millisecond ticks: what is answered is exactly what is stored (the store keeps milliseconds). */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
  }

  @Bean
  TimeOrderedIds idGenerator(Clock clock) {
    return new TimeOrderedIds(clock);
  }

  @Bean
  ProgramService programService(MongoAdapters mongo, TimeOrderedIds ids, Clock clock) {
    return new ProgramService(mongo.programs(), mongo.challenges(), ids, clock);
  }

  @Bean
  ProposalService proposalService(MongoAdapters mongo, PersonIdHasher hasher, TimeOrderedIds ids, Clock clock) {
    return new ProposalService(mongo.proposals(), mongo.programs(), mongo.challenges(), mongo.holds(),
        new HashedPersonIds(hasher), ids, clock);
  }

  @Bean
  HoldService holdService(MongoAdapters mongo) {
    return new HoldService(mongo.holds());
  }

  @Bean
  Consumer<Message<byte[]>> onIntegrityEvent(EventReader reader, MeterRegistry meters, HoldUseCases holds) {
    return IntegrityEventsConsumer.dispatcher(reader, meters, holds);
  }
}
