package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.ProposalDtos.AwardRequest;
import org.fundflow.intake.adapter.in.web.ProposalDtos.ProposalRequest;
import org.fundflow.intake.adapter.in.web.ProposalDtos.ProposalView;
import org.fundflow.intake.adapter.in.web.ProposalDtos.RejectRequest;
import org.fundflow.intake.adapter.in.web.ProposalDtos.SubmitRequest;
import org.fundflow.intake.application.port.in.DecisionUseCase;
import org.fundflow.intake.application.port.in.ProposalUseCase;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.web.IfMatch;
import org.fundflow.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "proposals", description = "Proposals from draft to decision")
public class ProposalController {

  static final String APPLICANT = "hasRole('APPLICANT')";
  static final String MANAGER = "hasRole('PROGRAM_MANAGER')";
  static final String READERS = "hasAnyRole('PROGRAM_MANAGER','AUDITOR','APPLICANT')";

  private final ProposalUseCase proposals;
  private final DecisionUseCase decisions;
  /** Time limit and circuit breaker on the store: 503 + Retry-After at once while it is down. */
  private final StoreGuard guard;

  public ProposalController(ProposalUseCase proposals, DecisionUseCase decisions, StoreGuard guard) {
    this.proposals = proposals;
    this.decisions = decisions;
    this.guard = guard;
  }

  @PostMapping("/proposals")
  @PreAuthorize(APPLICANT)
  @Operation(summary = "Create a proposal draft for the caller's organisation")
  public Mono<ResponseEntity<ProposalView>> create(@Valid @RequestBody ProposalRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> {
      if (body.programId() == null || body.programId().isBlank()) {
        return Mono.error(IntakeRefusal.rule("program-required", "Program required", "programId is required"));
      }
      return proposals.createDraft(new ProposalUseCase.CreateDraftCommand(Requests.viewer(caller), body.programId(),
          body.challengeId(), body.toContent()));
    }).map(p -> ResponseEntity.created(URI.create("/proposals/" + p.id())).eTag(EntityTags.of(p.version()))
        .body(ProposalView.of(p))));
  }

  @PutMapping("/proposals/{proposalId}")
  @PreAuthorize(APPLICANT)
  @Operation(summary = "Edit a draft (programId and challengeId of the body are ignored)")
  public Mono<ResponseEntity<ProposalView>> edit(@PathVariable String proposalId, @Valid @RequestBody ProposalRequest body,
      Caller caller) {
    return guard.protect(Mono.defer(() -> proposals.editDraft(Requests.viewer(caller), proposalId, body.toContent()))
        .map(ProposalController::ok));
  }

  @DeleteMapping("/proposals/{proposalId}")
  @PreAuthorize(APPLICANT)
  public Mono<ResponseEntity<Void>> delete(@PathVariable String proposalId, Caller caller) {
    return guard.protect(proposals.deleteDraft(Requests.viewer(caller), proposalId).thenReturn(ResponseEntity.noContent().build()));
  }

  @PostMapping("/proposals/{proposalId}/submit")
  @PreAuthorize(APPLICANT)
  @Operation(summary = "Submit a draft with the integrity pledge; Idempotency-Key required "
      + "(same key + same body = same answer, different body = 422)")
  public Mono<ResponseEntity<ProposalView>> submit(@PathVariable String proposalId,
      @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody SubmitRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> proposals.submit(new ProposalUseCase.SubmitCommand(Requests.viewer(caller), proposalId,
            idempotencyKey, body.pledge().accepted(), body.pledge().textVersion())))
        .map(ProposalController::ok));
  }

  @PostMapping("/proposals/{proposalId}/withdraw")
  @PreAuthorize(APPLICANT)
  public Mono<ResponseEntity<ProposalView>> withdraw(@PathVariable String proposalId, Caller caller) {
    return guard.protect(proposals.withdraw(Requests.viewer(caller), proposalId)
        .map(ProposalController::ok));
  }

  @GetMapping("/proposals/{proposalId}")
  @PreAuthorize(READERS)
  @Operation(summary = "Read a proposal; an applicant sees only its own organisation's (others are 404)")
  public Mono<ResponseEntity<ProposalView>> get(@PathVariable String proposalId, Caller caller) {
    return guard.protect(proposals.get(Requests.viewer(caller), proposalId).map(ProposalController::ok));
  }

  @GetMapping("/proposals")
  @PreAuthorize(READERS)
  @Operation(summary = "List proposals by program, status and organisation, keyset paging (after = nextCursor); "
      + "an applicant sees only its own organisation's (another organisationCode gives an empty list)")
  public Mono<Page<ProposalView>> list(Caller caller, @RequestParam(required = false) String programId,
      @RequestParam(required = false) ProposalStatus status, @RequestParam(required = false) String organisationCode,
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "20") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    String organisation = organisationCode == null || organisationCode.isBlank() ? null : organisationCode.strip();
    return guard.protect(proposals.list(Requests.viewer(caller),
            new ProposalUseCase.ListQuery(programId, status, organisation, after, size))
        .map(ProposalView::of).collectList()
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null)));
  }

  @PostMapping("/proposals/{proposalId}/screen")
  @PreAuthorize(MANAGER)
  public Mono<ResponseEntity<ProposalView>> screen(@PathVariable String proposalId, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(decisions.screen(Requests.viewer(caller), proposalId, expected)
        .map(ProposalController::ok));
  }

  @PostMapping("/proposals/{proposalId}/review")
  @PreAuthorize(MANAGER)
  public Mono<ResponseEntity<ProposalView>> review(@PathVariable String proposalId, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(decisions.sendToReview(Requests.viewer(caller), proposalId, expected)
        .map(ProposalController::ok));
  }

  @PostMapping("/proposals/{proposalId}/award")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Award: amount <= requested and <= cap, reserved atomically on the program budget; when the "
      + "program requires expert review, only a reviewed proposal, in rank order or with outOfRankOrderReason; "
      + "optional If-Match with the ETag read (412 when it changed)")
  public Mono<ResponseEntity<ProposalView>> award(@PathVariable String proposalId,
      @Valid @RequestBody AwardRequest body, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(decisions.award(new DecisionUseCase.AwardCommand(Requests.viewer(caller), proposalId, body.amountFen(),
        expected, body.outOfRankOrderReason())).map(ProposalController::ok));
  }

  @PostMapping("/proposals/{proposalId}/reject")
  @PreAuthorize(MANAGER)
  public Mono<ResponseEntity<ProposalView>> reject(@PathVariable String proposalId,
      @Valid @RequestBody RejectRequest body, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(decisions.reject(new DecisionUseCase.RejectCommand(Requests.viewer(caller), proposalId, body.reason(),
        expected)).map(ProposalController::ok));
  }

  private static ResponseEntity<ProposalView> ok(Proposal p) {
    return ResponseEntity.ok().eTag(EntityTags.of(p.version())).body(ProposalView.of(p));
  }
}
