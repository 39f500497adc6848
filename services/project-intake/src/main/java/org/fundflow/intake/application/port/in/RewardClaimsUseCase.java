package org.fundflow.intake.application.port.in;

import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reward claims (奖励类, issue 18 point 3): an applicant drafts a claim for one achievement of a REWARD program's
 * table, attaches the evidence, submits it with the pledge; a program manager verifies or rejects it. The amount is
 * the program's, never the applicant's; an organisation has at most one claim per achievement.
 */
public interface RewardClaimsUseCase {

  record DraftRewardClaimCommand(Viewer applicant, String programId, String achievementCode) {}

  record SubmitRewardClaimCommand(Viewer applicant, String claimId, String idempotencyKey, boolean pledgeAccepted,
      String pledgeTextVersion) {
    public SubmitRewardClaimCommand {
      if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
        throw new IllegalArgumentException("an Idempotency-Key of 1 to 200 characters is required");
      }
    }

    /** What makes two submit requests "the same request". */
    public String requestFingerprint() {
      return "pledgeAccepted=" + pledgeAccepted + ";pledgeTextVersion=" + pledgeTextVersion;
    }
  }

  /**
   * {@code verified}: verify, else reject with {@code reason}. {@code deciderOrganisationCode}: the organisation the
   * decider's token names, if any (a decider never decides its own organisation's claim).
   */
  record DecideRewardClaimCommand(Viewer manager, String deciderOrganisationCode, String claimId, boolean verified,
      String reason, ExpectedVersion expectedVersion) {}

  /** {@code organisationCode}: staff may filter by an organisation; an applicant only ever sees its own. */
  record ListRewardClaimsCommand(Viewer viewer, String programId, RewardClaimStatus status, String organisationCode,
      String afterId, int limit) {}

  /** The draft (created, or the organisation's existing draft for this achievement in this program). */
  Mono<Drafted> draft(DraftRewardClaimCommand command);

  /** {@code created}: false when the organisation's existing draft was returned. */
  record Drafted(RewardClaim claim, boolean created) {}

  Mono<RewardClaim> submit(SubmitRewardClaimCommand command);

  Mono<RewardClaim> decide(DecideRewardClaimCommand command);

  /** The claim if the viewer may read it (an applicant: its organisation's only, else 404). */
  Mono<RewardClaim> get(Viewer viewer, String claimId);

  Flux<RewardClaim> list(ListRewardClaimsCommand command);

  /** The draft if the viewer may add evidence: 403 for staff, 404 for another organisation, 409 once submitted. */
  Mono<RewardClaim> evidenceChangeable(Viewer viewer, String claimId);
}
