package org.fundflow.milestone.application.port.out;

import org.fundflow.milestone.domain.DiligenceAssessment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Diligence assessments (尽职免责), each stored with its {@code diligence-assessed} event in one write. */
public interface DiligenceAssessments {

  /** Stores a new assessment and its event; false when one with its id exists (never replaced). */
  Mono<Boolean> create(DiligenceAssessment assessment);

  Mono<DiligenceAssessment> find(String id);

  Flux<DiligenceAssessment> ofProject(String projectId);
}
