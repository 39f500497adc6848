package org.fundflow.subsidy.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description with bearer JWT (the platform keeps the Caller argument out of the parameters). */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

  @Bean
  OpenAPI postSubsidyApi() {
    return new OpenAPI()
        .info(new Info().title("Fundflow post-subsidy").version("v1")
            .description("Disbursements (拨付), R&D expenditure claims (研发投入后补助) and the four-eyes release."))
        .components(new Components().addSecuritySchemes("bearer",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
