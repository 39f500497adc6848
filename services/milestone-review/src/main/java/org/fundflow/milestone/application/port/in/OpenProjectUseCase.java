package org.fundflow.milestone.application.port.in;

import java.util.Objects;
import org.fundflow.milestone.domain.Award;
import reactor.core.publisher.Mono;

/** An awarded proposal becomes a project, exactly once however often the award event arrives. */
public interface OpenProjectUseCase {

  /** @return true when the project was opened now, false when it existed already */
  Mono<Boolean> open(OpenProjectCommand command);

  record OpenProjectCommand(Award award, String eventId) {
    public OpenProjectCommand {
      Objects.requireNonNull(award, "award");
      Objects.requireNonNull(award.projectId(), "projectId");
      Objects.requireNonNull(eventId, "eventId");
    }
  }
}
