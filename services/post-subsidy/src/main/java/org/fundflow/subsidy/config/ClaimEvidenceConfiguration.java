package org.fundflow.subsidy.config;

import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.fundflow.subsidy.adapter.out.mongo.ClaimEvidenceOwners;
import org.fundflow.subsidy.application.port.in.ClaimEvidenceUseCase;
import org.fundflow.subsidy.application.port.out.Claims;
import org.fundflow.subsidy.application.service.ClaimEvidenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Claim evidence files (issue 15): the use case and the orphan sweep of the documents kit. */
@Configuration(proxyBeanMethods = false)
public class ClaimEvidenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ClaimEvidenceConfiguration.class);

  @Bean
  ClaimEvidenceUseCase claimEvidenceUseCase(Claims claims) {
    return new ClaimEvidenceService(claims);
  }

  /** Chunks of uploads cut off by a crash (and files of claims that do not exist), after the grace period. */
  @Bean
  PeriodicSweep claimEvidenceSweep(DocumentStore store, ReactiveMongoTemplate template) {
    ClaimEvidenceOwners owners = new ClaimEvidenceOwners(template);
    return new PeriodicSweep("orphan claim evidence sweep", store.properties().sweepInterval(),
        () -> store.sweepOrphans(owners::existing).doOnNext(removed -> {
          if (removed > 0) {
            log.info("removed {} orphan claim evidence files or cut-off uploads", removed);
          }
        }));
  }
}
