package org.fundflow.subsidy.application.port.out;

import org.fundflow.subsidy.domain.Project;
import reactor.core.publisher.Mono;

public interface Projects {

  Mono<Project> find(String projectId);

  /** Stores the project as awarded unless it is known already. */
  Mono<Void> awarded(Project project);

  Mono<Void> terminated(String projectId, String programId, String organisationCode, String reason);

  /** Records the project as suspended (true) or resumed (false); its disbursements are held meanwhile. */
  Mono<Void> suspended(String projectId, String programId, String organisationCode, boolean suspended);
}
