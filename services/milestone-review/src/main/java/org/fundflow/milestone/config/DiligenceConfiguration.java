package org.fundflow.milestone.config;

import java.time.Clock;
import org.fundflow.milestone.adapter.out.kafka.DiligenceEventMessages;
import org.fundflow.milestone.adapter.out.mongo.MongoDiligenceAssessments;
import org.fundflow.milestone.adapter.out.mongo.MongoProjects;
import org.fundflow.milestone.application.service.DiligenceService;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** 尽职免责 (issue 17 point 3): diligence assessments of failed reviews and terminations. */
@Configuration(proxyBeanMethods = false)
public class DiligenceConfiguration {

  @Bean
  DiligenceEventMessages diligenceEventMessages(OutboxEvents events) {
    return new DiligenceEventMessages(events);
  }

  @Bean
  MongoDiligenceAssessments diligenceAssessments(ReactiveMongoTemplate template, AggregateWriter writer,
      DiligenceEventMessages messages) {
    return new MongoDiligenceAssessments(template, writer, messages);
  }

  @Bean
  DiligenceService diligenceService(MongoProjects projects, MongoDiligenceAssessments assessments, Clock clock) {
    return new DiligenceService(projects, assessments, clock);
  }
}
