package org.fundflow.integrity.config;

import java.time.Clock;
import org.fundflow.integrity.adapter.out.mongo.MongoStatistics;
import org.fundflow.integrity.adapter.out.mongo.MongoWorkQueues;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase;
import org.fundflow.integrity.application.port.in.PreviewDishonestyListUseCase;
import org.fundflow.integrity.application.port.in.StatisticsUseCase;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.application.port.out.WorkQueues;
import org.fundflow.integrity.application.service.DishonestyListPreviewService;
import org.fundflow.integrity.application.service.StatisticsService;
import org.fundflow.integrity.application.service.WorkQueueService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The work queues (issue 16), the import preview and the dashboard figures. */
@Configuration(proxyBeanMethods = false)
public class WorkQueueConfiguration {

  @Bean
  WorkQueues workQueues(ReactiveMongoTemplate template) {
    MongoWorkQueues queues = new MongoWorkQueues(template);
    queues.ensureIndexes().onErrorResume(e -> Mono.empty()).subscribe();
    return queues;
  }

  @Bean
  ListWorkQueuesUseCase listWorkQueues(WorkQueues queues, Clock clock) {
    return new WorkQueueService(queues, clock);
  }

  @Bean
  PreviewDishonestyListUseCase previewDishonestyList(PersonIdProtection hashing, WorkQueues queues, KnownParties known) {
    return new DishonestyListPreviewService(hashing, new org.fundflow.integrity.adapter.out.csv.JacksonCsvReader(), queues,
        known);
  }

  @Bean
  StatisticsUseCase statisticsQuery(ReactiveMongoTemplate template) {
    return new StatisticsService(new MongoStatistics(template));
  }
}
