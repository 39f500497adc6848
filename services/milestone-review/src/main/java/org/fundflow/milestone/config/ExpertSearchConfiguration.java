package org.fundflow.milestone.config;

import org.fundflow.milestone.adapter.out.mongo.MongoExpertDirectory;
import org.fundflow.milestone.application.service.ExpertSearchService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wiring of the expert search (GET /experts): adapter -> port -> service. */
@Configuration(proxyBeanMethods = false)
public class ExpertSearchConfiguration {

  @Bean
  MongoExpertDirectory expertDirectory(ReactiveMongoTemplate template) {
    return new MongoExpertDirectory(template);
  }

  @Bean
  ExpertSearchService expertSearchService(MongoExpertDirectory directory) {
    return new ExpertSearchService(directory);
  }
}
