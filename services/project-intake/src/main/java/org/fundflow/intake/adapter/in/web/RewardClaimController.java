package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.ProposalDtos.PledgeBody;
import org.fundflow.intake.application.port.in.RewardClaimsUseCase;
import org.fundflow.intake.domain.RewardClaim;
import org.fundflow.intake.domain.RewardClaimStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reward claims (奖励类, issue 18 point 3): the enterprise drafts a claim for one achievement of a REWARD program's
 * table, attaches its evidence ({@code /reward-claims/{id}/files}), submits it with the pledge; the program manager
 * verifies or rejects it with a reason. The amount is always the program's table amount.
 */
@RestController
@Tag(name = "reward claims", description = "Rewards for recognised achievements (REWARD programs)")
public class RewardClaimController {

  private final RewardClaimsUseCase claims;
  private final StoreGuard guard;

  public RewardClaimController(RewardClaimsUseCase claims, StoreGuard guard) {
    this.claims = claims;
    this.guard = guard;
  }

  /** Only the program and the achievement: the amount is the program's, never the applicant's. */
  public record RewardClaimRequest(@NotBlank @Size(max = 128) String programId,
      @NotBlank @Size(max = 40) String achievementCode) {}

  public record SubmitRewardClaimRequest(@NotNull @Valid PledgeBody pledge) {}

  public record RewardDecisionRequest(
      @NotNull @Schema(description = "VERIFIED or REJECTED") Outcome outcome,
      @Size(max = 2000) @Schema(description = "required to reject") String reason) {}

  public enum Outcome { VERIFIED, REJECTED }

  public record RewardClaimView(String id, String programId, String organisationCode, String organisationName,
      String achievementCode, String achievementName, long amountFen, RewardClaimStatus status,
      String pledgeTextVersion, Instant pledgeAcceptedAt, String createdBy, Instant createdAt, Instant submittedAt,
      String decidedBy, Instant decidedAt, String rejectionReason) {

    static RewardClaimView of(RewardClaim c) {
      return new RewardClaimView(c.id(), c.programId(), c.organisationCode(), c.organisationName(),
          c.achievementCode(), c.achievementName(), c.amountFen(), c.status(),
          c.pledge() == null ? null : c.pledge().textVersion(), c.pledge() == null ? null : c.pledge().acceptedAt(),
          c.createdBy(), c.createdAt(), c.submittedAt(), c.decidedBy(), c.decidedAt(), c.rejectionReason());
    }
  }

  @PostMapping("/reward-claims")
  @PreAuthorize(ProposalController.APPLICANT)
  @Operation(summary = "Draft a reward claim for an achievement of an open REWARD program's table (201), or get the "
      + "organisation's existing draft of it (200); a claim of the achievement past DRAFT is 409 reward-claim-exists "
      + "(one per organisation and achievement). No amount is accepted: it is the program's")
  public Mono<ResponseEntity<RewardClaimView>> draft(@Valid @RequestBody RewardClaimRequest body, Caller caller) {
    return guard.protect(claims.draft(new RewardClaimsUseCase.DraftRewardClaimCommand(Requests.viewer(caller),
            body.programId(), body.achievementCode())))
        .map(d -> d.created()
            ? ResponseEntity.created(URI.create("/reward-claims/" + d.claim().id()))
                .eTag(EntityTags.of(d.claim().version())).body(RewardClaimView.of(d.claim()))
            : ok(d.claim()));
  }

  @PostMapping("/reward-claims/{claimId}/submit")
  @PreAuthorize(ProposalController.APPLICANT)
  @Operation(summary = "Submit a draft with its evidence and the integrity pledge; Idempotency-Key required "
      + "(same key + same body = same answer, different body = 422)")
  public Mono<ResponseEntity<RewardClaimView>> submit(@PathVariable String claimId,
      @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody SubmitRewardClaimRequest body,
      Caller caller) {
    return guard.protect(Mono.defer(() -> claims.submit(new RewardClaimsUseCase.SubmitRewardClaimCommand(
            Requests.viewer(caller), claimId, idempotencyKey, body.pledge().accepted(), body.pledge().textVersion()))))
        .map(RewardClaimController::ok);
  }

  @PostMapping("/reward-claims/{claimId}/decision")
  @PreAuthorize(ProposalController.MANAGER)
  @Operation(summary = "Verify (the table amount is then paid by post-subsidy) or reject with a reason a SUBMITTED "
      + "claim; optional If-Match with the ETag read (412 when it changed); never one's own organisation's claim")
  public Mono<ResponseEntity<RewardClaimView>> decide(@PathVariable String claimId,
      @Valid @RequestBody RewardDecisionRequest body, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(claims.decide(new RewardClaimsUseCase.DecideRewardClaimCommand(Requests.viewer(caller),
            caller.organisationCode(), claimId, body.outcome() == Outcome.VERIFIED, body.reason(), expected)))
        .map(RewardClaimController::ok);
  }

  @GetMapping("/reward-claims/{claimId}")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "Read a reward claim; an applicant sees only its own organisation's (others are 404)")
  public Mono<ResponseEntity<RewardClaimView>> get(@PathVariable String claimId, Caller caller) {
    return guard.protect(claims.get(Requests.viewer(caller), claimId)).map(RewardClaimController::ok);
  }

  @GetMapping("/reward-claims")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "List reward claims by program, status and organisation, keyset paging (after = nextCursor); "
      + "an applicant sees only its own organisation's (another organisationCode gives an empty list)")
  public Mono<Page<RewardClaimView>> list(Caller caller, @RequestParam(required = false) String programId,
      @RequestParam(required = false) RewardClaimStatus status,
      @RequestParam(required = false) String organisationCode, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    String organisation = organisationCode == null || organisationCode.isBlank() ? null : organisationCode.strip();
    return guard.protect(claims.list(new RewardClaimsUseCase.ListRewardClaimsCommand(Requests.viewer(caller),
                programId, status, organisation, after, size))
            .map(RewardClaimView::of).collectList())
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null));
  }

  private static ResponseEntity<RewardClaimView> ok(RewardClaim v) {
    return ResponseEntity.status(HttpStatus.OK).eTag(EntityTags.of(v.version())).body(RewardClaimView.of(v));
  }
}
