package org.fundflow.subsidy.application.port.in;

import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Pays verified reward claims (奖励类, issue 18 point 3) through the ordinary disbursement path: one disbursement per
 * organisation and achievement, prepared and released with four eyes, held while the organisation is held.
 */
public interface RewardPaymentsUseCase {

  /** project-intake's reward-claim-verified: {@code amountFen} is the program's table amount. */
  record RewardVerified(String claimId, String programId, String organisationCode, String achievementCode,
      String achievementName, long amountFen, ExternalEventsUseCase.Origin origin) {
    public RewardVerified {
      Objects.requireNonNull(claimId, "claimId");
      Objects.requireNonNull(programId, "programId");
      Objects.requireNonNull(organisationCode, "organisationCode");
      Objects.requireNonNull(achievementCode, "achievementCode");
      Objects.requireNonNull(origin, "origin");
      if (amountFen <= 0) {
        throw new IllegalArgumentException("a reward is positive");
      }
    }
  }

  /** Creates the reward's disbursement once (a redelivery or a duplicate with another event id creates nothing). */
  Mono<Void> rewardVerified(RewardVerified event);
}
