package org.fundflow.integrity.config;

import org.fundflow.integrity.adapter.out.mongo.CaseEvidenceOwners;
import org.fundflow.integrity.application.port.in.CaseEvidenceUseCase;
import org.fundflow.integrity.application.port.in.CaseUseCase;
import org.fundflow.integrity.application.service.CaseEvidenceService;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.OrphanFileSweep;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Case evidence files (issue 15): the use case and the orphan sweep of the documents kit. */
@Configuration(proxyBeanMethods = false)
public class CaseEvidenceConfiguration {

  @Bean
  CaseEvidenceUseCase caseEvidenceUseCase(CaseUseCase cases) {
    return new CaseEvidenceService(cases);
  }

  /** Chunks of uploads cut off by a crash (and files of cases that do not exist), after the grace period. */
  @Bean
  PeriodicSweep caseEvidenceSweep(DocumentStore store, ReactiveMongoTemplate template) {
    CaseEvidenceOwners owners = new CaseEvidenceOwners(template);
    return OrphanFileSweep.of("orphan case evidence sweep", store, owners::existing, "orphan case evidence files");
  }
}
