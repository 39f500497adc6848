package org.fundflow.intake.application.port.in;

import org.fundflow.intake.application.port.out.Versioned;
import org.fundflow.intake.domain.Proposal;
import reactor.core.publisher.Mono;

/** What program managers decide about submitted proposals. */
public interface DecisionUseCases {

  /** expectedVersion: the version the manager decided on (If-Match), or null to decide on the current one. */
  record AwardCommand(Viewer manager, String proposalId, long amountFen, Long expectedVersion, String correlationId) {}

  record RejectCommand(Viewer manager, String proposalId, String reason, Long expectedVersion, String correlationId) {}

  Mono<Versioned<Proposal>> screen(Viewer manager, String proposalId, Long expectedVersion, String correlationId);

  Mono<Versioned<Proposal>> sendToReview(Viewer manager, String proposalId, Long expectedVersion, String correlationId);

  Mono<Versioned<Proposal>> award(AwardCommand command);

  Mono<Versioned<Proposal>> reject(RejectCommand command);
}
