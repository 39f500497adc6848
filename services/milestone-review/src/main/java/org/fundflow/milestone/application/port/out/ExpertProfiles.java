package org.fundflow.milestone.application.port.out;

import org.fundflow.milestone.domain.ExpertProfile;
import reactor.core.publisher.Mono;

public interface ExpertProfiles {

  Mono<ExpertProfile> find(String expertId);

  Mono<ExpertProfile> save(ExpertProfile profile);
}
