package org.fundflow.platform.documents;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** A {@link DocumentStore} on the service's own database ({@code fundflow.documents.*}). */
@AutoConfiguration(afterName = {
    "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
    "org.fundflow.platform.config.PlatformAutoConfiguration"})
@EnableConfigurationProperties(DocumentProperties.class)
public class DocumentsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ReactiveMongoTemplate.class)
  DocumentStore documentStore(ReactiveMongoTemplate template, DocumentProperties properties, ObjectProvider<Clock> clock) {
    return new DocumentStore(template.getMongoDatabase(), properties, clock.getIfAvailable(Clock::systemUTC));
  }
}
