package org.fundflow.integrity.config;

import org.fundflow.integrity.adapter.out.mongo.CaseEvidenceOwners;
import org.fundflow.integrity.application.port.in.CaseEvidenceUseCase;
import org.fundflow.integrity.application.port.in.CaseUseCase;
import org.fundflow.integrity.application.service.CaseEvidenceService;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Case evidence files (issue 15): the use case and the orphan sweep of the documents kit. */
@Configuration(proxyBeanMethods = false)
public class CaseEvidenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CaseEvidenceConfiguration.class);

  @Bean
  CaseEvidenceUseCase caseEvidenceUseCase(CaseUseCase cases) {
    return new CaseEvidenceService(cases);
  }

  /** Chunks of uploads cut off by a crash (and files of cases that do not exist), after the grace period. */
  @Bean
  PeriodicSweep caseEvidenceSweep(DocumentStore store, ReactiveMongoTemplate template) {
    CaseEvidenceOwners owners = new CaseEvidenceOwners(template);
    return new PeriodicSweep("orphan case evidence sweep", store.properties().sweepInterval(),
        () -> store.sweepOrphans(owners::existing).doOnNext(removed -> {
          if (removed > 0) {
            log.info("removed {} orphan case evidence files or cut-off uploads", removed);
          }
        }));
  }
}
