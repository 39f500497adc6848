package org.fundflow.milestone.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.fundflow.milestone.adapter.in.kafka.ChallengeEventHandlers;
import org.fundflow.milestone.adapter.in.kafka.ChallengePublishedMessage;
import org.fundflow.milestone.adapter.out.kafka.PerformanceEventMessages;
import org.fundflow.milestone.adapter.out.mongo.MongoExpertProfiles;
import org.fundflow.milestone.adapter.out.mongo.MongoPerformanceEvaluations;
import org.fundflow.milestone.adapter.out.mongo.MongoProjects;
import org.fundflow.milestone.application.service.PerformanceEvaluationService;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/** 绩效评价 (issue 17 point 6): challenges' indicators from intake.program-events, evaluations, the summary. */
@Configuration(proxyBeanMethods = false)
public class PerformanceEvaluationConfiguration {

  @Bean
  PerformanceEventMessages performanceEventMessages(OutboxEvents events) {
    return new PerformanceEventMessages(events);
  }

  @Bean
  MongoPerformanceEvaluations performanceEvaluations(ReactiveMongoTemplate template, AggregateWriter writer,
      PerformanceEventMessages messages, DocumentStore store) {
    return new MongoPerformanceEvaluations(template, writer, messages, store);
  }

  @Bean
  PerformanceEvaluationService performanceEvaluationService(MongoProjects projects, MongoExpertProfiles experts,
      MongoPerformanceEvaluations evaluations, Clock clock) {
    return new PerformanceEvaluationService(projects, experts, evaluations, clock);
  }

  @Bean
  ChallengeEventHandlers challengeEventHandlers(PerformanceEvaluationService evaluations) {
    return new ChallengeEventHandlers(evaluations);
  }

  @Bean
  Consumer<Message<byte[]>> onProgramEvent(EventReader reader, MeterRegistry meters, ChallengeEventHandlers handlers) {
    return EventDispatcher.builder("milestone-review/program-events", reader, meters)
        .on(ChallengeEventHandlers.CHALLENGE_PUBLISHED, ChallengePublishedMessage.class,
            handlers::onChallengePublished)
        .build();
  }
}
