package org.fundflow.subsidy.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI title; the bearer scheme and the problem responses are the platform's (apidocs.ProblemResponseDocs). */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

  @Bean
  OpenAPI postSubsidyApi() {
    return new OpenAPI()
        .info(new Info().title("Fundflow post-subsidy").version("v1")
            .description("Disbursements (拨付), R&D expenditure claims (研发投入后补助) and the four-eyes release."));
  }
}
