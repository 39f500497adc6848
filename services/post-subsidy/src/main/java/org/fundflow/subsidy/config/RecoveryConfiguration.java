package org.fundflow.subsidy.config;

import java.time.Clock;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvents;
import org.fundflow.subsidy.adapter.out.kafka.RecoveryMessages;
import org.fundflow.subsidy.adapter.out.mongo.MongoRecoveries;
import org.fundflow.subsidy.application.port.in.RecoveriesUseCase;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.application.port.out.Recoveries;
import org.fundflow.subsidy.application.service.RecoveriesService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** 追回 (issue 17 point 4): recovery orders. */
@Configuration(proxyBeanMethods = false)
public class RecoveryConfiguration {

  @Bean
  RecoveryMessages recoveryMessages(OutboxEvents events) {
    return new RecoveryMessages(events);
  }

  @Bean
  Recoveries recoveries(ReactiveMongoTemplate template, AggregateWriter writer, RecoveryMessages messages) {
    return new MongoRecoveries(template, writer, messages);
  }

  @Bean
  RecoveriesUseCase recoveriesUseCase(Recoveries recoveries, Disbursements disbursements, Projects projects,
      Clock clock) {
    return new RecoveriesService(recoveries, disbursements, projects, clock);
  }
}
