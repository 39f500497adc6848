package org.fundflow.intake.domain;

import java.time.Instant;
import java.util.List;

/** What happens to a reward claim, in the past tense; adapters turn them into integration events. */
public sealed interface RewardClaimEvent {

  RewardClaim claim();

  Instant at();

  /** {@code evidence}: the stored evidence files at submission (metadata only). */
  record Submitted(RewardClaim claim, List<ProposalFile> evidence, Instant at) implements RewardClaimEvent {
    public Submitted {
      evidence = List.copyOf(evidence);
    }
  }

  /** The manager verified it: the program's table amount is to be paid (by post-subsidy). */
  record Verified(RewardClaim claim, List<ProposalFile> evidence, Instant at) implements RewardClaimEvent {
    public Verified {
      evidence = List.copyOf(evidence);
    }
  }

  record Rejected(RewardClaim claim, Instant at) implements RewardClaimEvent {}
}
