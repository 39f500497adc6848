package org.fundflow.platform.apidocs;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The services' OpenAPI documents completed by the platform: see {@link ProblemResponseDocs}, {@link IfMatchDocs}. */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

  @Bean
  ProblemResponseDocs problemResponseDocs(ApiDocsProperties properties) {
    return new ProblemResponseDocs(properties.types());
  }

  @Bean
  IfMatchDocs ifMatchDocs() {
    return new IfMatchDocs();
  }
}
