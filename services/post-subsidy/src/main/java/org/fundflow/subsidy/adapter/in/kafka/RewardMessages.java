package org.fundflow.subsidy.adapter.in.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.fundflow.subsidy.domain.Money;

/** This service's own copy of project-intake's reward-claim-verified (issue 18 point 3): only what it pays on. */
public final class RewardMessages {

  private RewardMessages() {}

  public static final String REWARD_CLAIM_VERIFIED = "fundflow.intake.reward-claim-verified.v1";

  public record RewardClaimVerifiedMessage(@NotBlank String claimId, @NotBlank String programId,
      @NotBlank String organisationCode, @NotBlank String achievementCode, String achievementName,
      @NotNull @Positive @Max(Money.MAX_FEN) Long amountFen) {}
}
