package org.fundflow.subsidy.config;

import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.OrphanFileSweep;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.fundflow.subsidy.adapter.out.mongo.ClaimEvidenceOwners;
import org.fundflow.subsidy.application.port.in.ClaimEvidenceUseCase;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.subsidy.application.service.ClaimEvidenceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Claim evidence files (issue 15): the use case and the orphan sweep of the documents kit. */
@Configuration(proxyBeanMethods = false)
public class ClaimEvidenceConfiguration {

  @Bean
  ClaimEvidenceUseCase claimEvidenceUseCase(Claims claims) {
    return new ClaimEvidenceService(claims);
  }

  /** Chunks of uploads cut off by a crash (and files of claims that do not exist), after the grace period. */
  @Bean
  PeriodicSweep claimEvidenceSweep(DocumentStore store, ReactiveMongoTemplate template) {
    ClaimEvidenceOwners owners = new ClaimEvidenceOwners(template);
    return OrphanFileSweep.of("orphan claim evidence sweep", store, owners::existing, "orphan claim evidence files");
  }
}
