package org.fundflow.milestone.application.port.in;

import org.fundflow.milestone.domain.ExpertProfile;
import reactor.core.publisher.Mono;

public interface RegisterExpertUseCase {

  Mono<ExpertProfile> register(ExpertProfile profile);
}
