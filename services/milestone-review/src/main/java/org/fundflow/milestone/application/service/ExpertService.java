package org.fundflow.milestone.application.service;

import org.fundflow.milestone.application.port.in.RegisterExpertUseCase;
import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.milestone.domain.ExpertProfile;
import reactor.core.publisher.Mono;

/** Expert profiles (organisation, declared conflicts) kept by program managers. */
public class ExpertService implements RegisterExpertUseCase {

  private final ExpertProfiles experts;

  public ExpertService(ExpertProfiles experts) {
    this.experts = experts;
  }

  @Override
  public Mono<ExpertProfile> register(ExpertProfile profile) {
    return experts.save(profile);
  }
}
