package org.fundflow.intake.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.platform.domain.Change;

/**
 * An enterprise's claim of a reward for a recognised achievement (奖励类, issue 18 point 3). Its id is derived from
 * the organisation and the achievement ({@link #idOf}), so an organisation has at most one claim per achievement,
 * whatever it re-submits and in whichever REWARD program: a second claim hits the unique id. The amount is the
 * program's table amount, copied when the claim is drafted (an OPEN program's table cannot change).
 *
 * @param submission idempotency key + request hash of the submission (same key + same body = the same answer)
 * @param version the stored version it was read at (0 for a draft not stored yet), as every aggregate
 */
public record RewardClaim(String id, String programId, String organisationCode, String organisationName,
    String achievementCode, String achievementName, long amountFen, RewardClaimStatus status, Pledge pledge,
    Submission submission, String createdBy, Instant createdAt, Instant submittedAt, String decidedBy,
    Instant decidedAt, String rejectionReason, long version) {

  /** One claim per organisation and achievement. */
  public static String idOf(String organisationCode, String achievementCode) {
    return "rwc-" + organisationCode + "-" + achievementCode;
  }

  /** A draft for the applicant's organisation; the program must be an open REWARD program listing the achievement. */
  public static RewardClaim draft(Program program, String organisationCode, String organisationName,
      String achievementCode, String createdBy, Instant now) {
    if (program.kind() != ProgramKind.REWARD) {
      throw IntakeRefusal.rule("not-a-reward-program", "Not a reward program",
          "Program " + program.id() + " is a " + program.kind() + " program: rewards are claimed in REWARD programs");
    }
    program.requireAcceptingSubmissions(now);
    CodeRules.requireOrganisationCode(organisationCode, "organisationCode");
    RewardTable.Entry entry = program.terms().rewardTable().entry(achievementCode)
        .orElseThrow(() -> IntakeRefusal.rule("unknown-achievement", "Unknown achievement",
            "Program " + program.id() + " rewards no achievement " + achievementCode,
            Map.of("achievementCode", String.valueOf(achievementCode))));
    return new RewardClaim(idOf(organisationCode, entry.code()), program.id(), organisationCode, organisationName,
        entry.code(), entry.name(), entry.amountFen(), RewardClaimStatus.DRAFT, null, null, createdBy, now, null,
        null, null, null, 0);
  }

  /** Evidence is added only to a draft: what was submitted is what the manager verifies. */
  public void requireEvidenceChangeable() {
    requireStatus("given other evidence", RewardClaimStatus.DRAFT);
  }

  /**
   * Submits the draft with the pledge and its evidence: the program still takes claims, at least one evidence
   * document, the pledge accepted naming its text version, no active integrity hold on the organisation.
   */
  public Change<RewardClaim, RewardClaimEvent> submit(Program program, Pledge acceptedPledge, Submission how,
      List<Hold> holds, List<ProposalFile> evidence, Instant now) {
    requireStatus("submitted", RewardClaimStatus.DRAFT);
    program.requireAcceptingSubmissions(now);
    if (acceptedPledge == null || acceptedPledge.textVersion() == null || acceptedPledge.textVersion().isBlank()) {
      throw IntakeRefusal.rule("pledge-required", "Integrity pledge not accepted",
          "the integrity pledge (事前承诺) must be accepted, naming the pledge text version, before submitting");
    }
    if (evidence == null || evidence.isEmpty()) {
      throw IntakeRefusal.rule("evidence-required", "Evidence required",
          "attach the achievement's evidence document (e.g. the recognition certificate) before submitting");
    }
    Optional<Hold> active = holds == null ? Optional.empty() : holds.stream()
        .filter(h -> h.isActiveAt(now))
        .filter(h -> h.subjectType() == HoldSubject.ORGANISATION && h.subjectId().equals(organisationCode))
        .max(Comparator.comparing(Hold::endsAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (active.isPresent()) {
      Hold hold = active.get();
      java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
      props.put("holdId", hold.holdId());
      props.put("subjectType", hold.subjectType().name());
      props.put("holdEndsAt", hold.endsAt() == null ? null : hold.endsAt().toString());
      props.put("holdEndDate", hold.endDate() == null ? null : hold.endDate().toString());
      String until = hold.endDate() == null ? "until further notice" : "until " + hold.endDate();
      throw IntakeRefusal.rule("integrity-hold", "Under an integrity hold",
          "cannot submit: organisation " + organisationCode + " is under an integrity hold " + until
              + " (Asia/Shanghai)", props);
    }
    RewardClaim submitted = new RewardClaim(id, programId, organisationCode, organisationName, achievementCode,
        achievementName, amountFen, RewardClaimStatus.SUBMITTED, acceptedPledge, how, createdBy, createdAt, now, null,
        null, null, version);
    return Change.of(submitted, new RewardClaimEvent.Submitted(submitted, evidence, now));
  }

  /** The manager verified the achievement: the table amount is to be paid, once. */
  public Change<RewardClaim, RewardClaimEvent> verify(String by, List<ProposalFile> evidence, Instant now) {
    requireStatus("verified", RewardClaimStatus.SUBMITTED);
    RewardClaim verified = decided(RewardClaimStatus.VERIFIED, by, now, null);
    return Change.of(verified, new RewardClaimEvent.Verified(verified, evidence, now));
  }

  public Change<RewardClaim, RewardClaimEvent> reject(String reason, String by, Instant now) {
    requireStatus("rejected", RewardClaimStatus.SUBMITTED);
    if (reason == null || reason.isBlank()) {
      throw IntakeRefusal.rule("reason-required", "Reason required", "a rejection must give its reason");
    }
    RewardClaim rejected = decided(RewardClaimStatus.REJECTED, by, now, reason.strip());
    return Change.of(rejected, new RewardClaimEvent.Rejected(rejected, now));
  }

  private RewardClaim decided(RewardClaimStatus to, String by, Instant now, String reason) {
    return new RewardClaim(id, programId, organisationCode, organisationName, achievementCode, achievementName,
        amountFen, to, pledge, submission, createdBy, createdAt, submittedAt, by, now, reason, version);
  }

  /** This state as the store holds it at {@code storedVersion} (the store's answer to a write). */
  public RewardClaim atVersion(long storedVersion) {
    return new RewardClaim(id, programId, organisationCode, organisationName, achievementCode, achievementName,
        amountFen, status, pledge, submission, createdBy, createdAt, submittedAt, decidedBy, decidedAt,
        rejectionReason, storedVersion);
  }

  private void requireStatus(String action, RewardClaimStatus expected) {
    if (status != expected) {
      throw IntakeRefusal.illegalTransition("Reward claim", id, status, action);
    }
  }
}
