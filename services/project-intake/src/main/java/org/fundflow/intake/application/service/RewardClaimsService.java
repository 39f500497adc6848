package org.fundflow.intake.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.intake.application.port.in.RewardClaimsUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.ProposalFiles;
import org.fundflow.intake.application.port.out.RewardClaims;
import org.fundflow.intake.domain.CodeRules;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimEvent;
import org.fundflow.intake.domain.RewardClaimStatus;
import org.fundflow.intake.domain.Submission;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.RequestFingerprint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reward-claim use cases (no Spring): one claim per organisation and achievement, the table's amount. */
public final class RewardClaimsService implements RewardClaimsUseCase {

  private final RewardClaims claims;
  private final Programs programs;
  private final Holds holds;
  private final ProposalFiles evidence;
  private final Clock clock;

  /** {@code evidence}: the stored files by owner id (the claim id), as for proposals. */
  public RewardClaimsService(RewardClaims claims, Programs programs, Holds holds, ProposalFiles evidence, Clock clock) {
    this.claims = claims;
    this.programs = programs;
    this.holds = holds;
    this.evidence = evidence;
    this.clock = clock;
  }

  @Override
  public Mono<Drafted> draft(DraftRewardClaimCommand c) {
    return Mono.defer(() -> {
      requireApplicant(c.applicant());
      return programs.find(c.programId())
          .filter(p -> p.status() != org.fundflow.intake.domain.ProgramStatus.DRAFT)
          .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", c.programId())))
          .flatMap(program -> {
            RewardClaim draft = RewardClaim.draft(program, c.applicant().organisationCode(),
                c.applicant().organisationName(), c.achievementCode(), c.applicant().subject(), clock.instant());
            return claims.create(draft).flatMap(created -> created
                ? Mono.just(new Drafted(draft.atVersion(1), true))
                : claims.find(draft.id()).flatMap(existing -> sameDraft(existing, draft)));
          });
    });
  }

  /** The organisation claims this achievement already: its own draft in the same program is returned, else 409. */
  private static Mono<Drafted> sameDraft(RewardClaim existing, RewardClaim wanted) {
    RewardClaim e = existing;
    if (e.status() == RewardClaimStatus.DRAFT && e.programId().equals(wanted.programId())) {
      return Mono.just(new Drafted(existing, false));
    }
    return Mono.error(new IntakeRefusal(org.fundflow.platform.domain.Refusal.Kind.CONFLICT, "reward-claim-exists",
        "Reward already claimed",
        "organisation " + e.organisationCode() + " has claimed the reward for " + e.achievementCode()
            + " already (claim " + e.id() + ", " + e.status() + "): a reward is paid once per organisation and "
            + "achievement, whatever is re-submitted",
        Map.of("claimId", e.id(), "status", e.status().name(), "programId", e.programId())));
  }

  @Override
  public Mono<RewardClaim> submit(SubmitRewardClaimCommand c) {
    String requestHash = RequestFingerprint.of(c.requestFingerprint());
    return Mono.defer(() -> visible(c.applicant(), c.claimId()).flatMap(claim -> {
          Submission earlier = claim.submission();
          if (earlier != null && earlier.idempotencyKey().equals(c.idempotencyKey())) {
            if (earlier.requestHash().equals(requestHash)) {
              return Mono.just(claim); // the same request again: the same answer, no second event
            }
            return Mono.error(IntakeRefusal.rule("idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + c.idempotencyKey() + " was used for a different request on claim " + claim.id()));
          }
          if (!c.applicant().applicant()) {
            return Mono.error(IntakeRefusal.forbidden("only an applicant of the claim's organisation submits it"));
          }
          Instant now = clock.instant();
          return program(claim.programId()).flatMap(program -> holds.concerning(claim.organisationCode(), null)
              .collectList()
              .zipWith(evidence.of(claim.id()).collectList())
              .flatMap(found -> {
                Pledge pledge = c.pledgeAccepted() ? new Pledge(c.pledgeTextVersion(), now) : null;
                Change<RewardClaim, RewardClaimEvent> submitted = claim.submit(program, pledge,
                    new Submission(c.idempotencyKey(), requestHash, now), found.getT1(), found.getT2(), now);
                return write(submitted);
              }));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<RewardClaim> decide(DecideRewardClaimCommand c) {
    return Mono.defer(() -> {
          if (c.manager().applicant()) {
            return Mono.error(IntakeRefusal.forbidden("only a program manager verifies or rejects reward claims"));
          }
          return visible(c.manager(), c.claimId()).flatMap(claim -> {
            if (c.manager().subject().equals(claim.createdBy())
                || claim.organisationCode().equals(c.deciderOrganisationCode())) {
              return Mono.error(IntakeRefusal.forbidden(
                  "a reward claim is never decided by its own organisation or the person who drafted it"));
            }
            if (!c.expectedVersion().matches(claim.version())) {
              return Mono.error(IntakeRefusal.versionMismatch("Reward claim", c.claimId(), c.expectedVersion(),
                  claim.version()));
            }
            Instant now = clock.instant();
            if (!c.verified()) {
              return write(claim.reject(c.reason(), c.manager().subject(), now));
            }
            return evidence.of(c.claimId()).collectList()
                .flatMap(files -> write(claim.verify(c.manager().subject(), files, now)));
          });
        })
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<RewardClaim> get(Viewer viewer, String claimId) {
    return Mono.defer(() -> visible(viewer, claimId));
  }

  @Override
  public Flux<RewardClaim> list(ListRewardClaimsCommand c) {
    Viewer viewer = c.viewer();
    if (viewer.applicant() && c.organisationCode() != null && !c.organisationCode().equals(viewer.organisationCode())) {
      return Flux.empty(); // another organisation's claims do not exist for an applicant
    }
    String organisation = viewer.applicant() ? viewer.organisationCode() : c.organisationCode();
    if (viewer.applicant() && organisation == null) {
      return Flux.empty();
    }
    return claims.list(new RewardClaims.Filter(organisation, c.programId(), c.status(), c.afterId(), c.limit()));
  }

  @Override
  public Mono<RewardClaim> evidenceChangeable(Viewer viewer, String claimId) {
    return Mono.defer(() -> {
      if (!viewer.applicant() || viewer.organisationCode() == null) {
        return Mono.error(IntakeRefusal.forbidden("only an applicant of the claim's organisation adds its evidence"));
      }
      return visible(viewer, claimId).doOnNext(RewardClaim::requireEvidenceChangeable);
    });
  }

  /** The change written at the version its claim was read at; the claim as stored. */
  private Mono<RewardClaim> write(Change<RewardClaim, RewardClaimEvent> change) {
    List<RewardClaimEvent> events = change.events();
    return claims.save(change.next(), events);
  }

  private Mono<RewardClaim> visible(Viewer viewer, String claimId) {
    return claims.find(claimId)
        .filter(v -> viewer.sees(v.organisationCode()))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Reward claim", claimId)));
  }

  private Mono<Program> program(String programId) {
    return programs.find(programId)
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)));
  }

  private static void requireApplicant(Viewer viewer) {
    if (!viewer.applicant() || viewer.organisationCode() == null) {
      throw IntakeRefusal.forbidden("only an applicant bound to an organisation (org_code claim) claims rewards");
    }
    CodeRules.requireOrganisationCode(viewer.organisationCode(), "organisationCode");
  }
}
