package org.fundflow.intake.application.port.in;

import org.fundflow.intake.application.port.out.Versioned;
import org.fundflow.intake.domain.Proposal;
import reactor.core.publisher.Mono;

/** What program managers decide about submitted proposals. */
public interface DecisionUseCases {

  record AwardCommand(Viewer manager, String proposalId, long amountFen, String correlationId) {}

  record RejectCommand(Viewer manager, String proposalId, String reason, String correlationId) {}

  Mono<Versioned<Proposal>> screen(Viewer manager, String proposalId, String correlationId);

  Mono<Versioned<Proposal>> sendToReview(Viewer manager, String proposalId, String correlationId);

  Mono<Versioned<Proposal>> award(AwardCommand command);

  Mono<Versioned<Proposal>> reject(RejectCommand command);
}
