package org.fundflow.intake.application.port.in;

import org.fundflow.intake.domain.Proposal;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Mono;

/** What program managers decide about submitted proposals. */
public interface DecisionUseCase {

  /** expectedVersion: the versions the manager decided on (If-Match), or {@link ExpectedVersion#any()} for the current one. */
  /**
   * {@code outOfRankOrderReason}: the written reason for awarding out of rank order (立项评审), required only then;
   * may be null.
   */
  record AwardCommand(Viewer manager, String proposalId, long amountFen, ExpectedVersion expectedVersion,
      String outOfRankOrderReason) {

    public AwardCommand(Viewer manager, String proposalId, long amountFen, ExpectedVersion expectedVersion) {
      this(manager, proposalId, amountFen, expectedVersion, null);
    }
  }

  record RejectCommand(Viewer manager, String proposalId, String reason, ExpectedVersion expectedVersion) {}

  Mono<Proposal> screen(Viewer manager, String proposalId, ExpectedVersion expectedVersion);

  Mono<Proposal> sendToReview(Viewer manager, String proposalId, ExpectedVersion expectedVersion);

  Mono<Proposal> award(AwardCommand command);

  Mono<Proposal> reject(RejectCommand command);
}
