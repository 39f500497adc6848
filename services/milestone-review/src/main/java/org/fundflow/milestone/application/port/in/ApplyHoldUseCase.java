package org.fundflow.milestone.application.port.in;

import java.util.Objects;
import reactor.core.publisher.Mono;

/** Integrity holds on an organisation: acceptance of its milestones waits while one is in force. */
public interface ApplyHoldUseCase {

  Mono<Void> holdPlaced(HoldCommand command);

  Mono<Void> holdLifted(HoldCommand command);

  record HoldCommand(String holdId, String subjectType, String subjectId, String eventId) {
    public HoldCommand {
      Objects.requireNonNull(holdId, "holdId");
      Objects.requireNonNull(subjectType, "subjectType");
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(eventId, "eventId");
    }

    public boolean onOrganisation() {
      return "ORGANISATION".equals(subjectType);
    }
  }
}
