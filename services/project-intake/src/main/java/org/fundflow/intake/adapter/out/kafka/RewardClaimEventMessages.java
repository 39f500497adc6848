package org.fundflow.intake.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.domain.ProposalFile;
import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimEvent;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * The reward-claim integration events (shared-schemas/project-intake/reward-claim-*.v1, issue 18 point 3), on
 * {@code intake.proposal-events} keyed by the claim id. Exactly the wire fields; optional ones left out, never null.
 */
public final class RewardClaimEventMessages {

  public static final String TOPIC = IntakeIntegrationEvents.PROPOSAL_TOPIC;
  public static final String REWARD_CLAIM_SUBMITTED = "fundflow.intake.reward-claim-submitted.v1";
  public static final String REWARD_CLAIM_VERIFIED = "fundflow.intake.reward-claim-verified.v1";
  public static final String REWARD_CLAIM_REJECTED = "fundflow.intake.reward-claim-rejected.v1";

  private final OutboxEvents events;

  public RewardClaimEventMessages(OutboxEvents events) {
    this.events = events;
  }

  public List<OutboxEvent> toOutbox(List<RewardClaimEvent> domainEvents) {
    return domainEvents.stream().map(this::toOutbox).toList();
  }

  public OutboxEvent toOutbox(RewardClaimEvent e) {
    String claimId = e.claim().id();
    return events.create(TOPIC, typeOf(e), claimId, claimId, toData(e));
  }

  public static String typeOf(RewardClaimEvent e) {
    if (e instanceof RewardClaimEvent.Submitted) {
      return REWARD_CLAIM_SUBMITTED;
    }
    return e instanceof RewardClaimEvent.Verified ? REWARD_CLAIM_VERIFIED : REWARD_CLAIM_REJECTED;
  }

  /** The data record of a domain event (public for the contract tests). */
  public static Object toData(RewardClaimEvent e) {
    RewardClaim c = e.claim();
    if (e instanceof RewardClaimEvent.Submitted s) {
      return new RewardClaimSubmittedV1(c.id(), c.programId(), c.organisationCode(),
          c.organisationName(), c.achievementCode(), c.achievementName(), c.amountFen(),
          new PledgeV1(c.pledge().textVersion(), c.pledge().acceptedAt()), EvidenceV1.of(s.evidence()), s.at());
    }
    if (e instanceof RewardClaimEvent.Verified v) {
      return new RewardClaimVerifiedV1(c.id(), c.programId(), c.organisationCode(),
          c.achievementCode(), c.achievementName(), c.amountFen(), c.decidedBy(), EvidenceV1.of(v.evidence()), v.at());
    }
    RewardClaimEvent.Rejected r = (RewardClaimEvent.Rejected) e;
    return new RewardClaimRejectedV1(c.id(), c.programId(), c.organisationCode(),
          c.achievementCode(), c.rejectionReason(), c.decidedBy(), r.at());
  }

  public record PledgeV1(String textVersion, Instant acceptedAt) {}

  public record EvidenceV1(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      @JsonInclude(Include.NON_NULL) String uploadedBy, Instant uploadedAt) {
    static List<EvidenceV1> of(List<ProposalFile> files) {
      return files.stream().map(f -> new EvidenceV1(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(), f.sha256(),
          f.uploadedBy(), f.uploadedAt())).toList();
    }
  }

  public record RewardClaimSubmittedV1(String claimId, String programId, String organisationCode,
      @JsonInclude(Include.NON_NULL) String organisationName, String achievementCode, String achievementName,
      long amountFen, PledgeV1 pledge, List<EvidenceV1> evidenceFiles, Instant submittedAt) {}

  /** What post-subsidy pays: {@code amountFen} is the program's table amount for the achievement. */
  public record RewardClaimVerifiedV1(String claimId, String programId, String organisationCode,
      String achievementCode, String achievementName, long amountFen, String verifiedBy,
      List<EvidenceV1> evidenceFiles, Instant verifiedAt) {}

  public record RewardClaimRejectedV1(String claimId, String programId, String organisationCode,
      String achievementCode, String reason, String rejectedBy, Instant rejectedAt) {}
}
