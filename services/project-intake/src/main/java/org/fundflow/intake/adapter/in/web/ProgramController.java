package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.fundflow.intake.adapter.in.web.ProgramDtos.ChallengeRequest;
import org.fundflow.intake.adapter.in.web.ProgramDtos.ChallengeView;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.ProgramDtos.ProgramRequest;
import org.fundflow.intake.adapter.in.web.ProgramDtos.ProgramView;
import org.fundflow.intake.application.port.in.ProgramUseCase;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramFilter;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramStatus;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.web.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "programs", description = "Programs (GENERAL, CHALLENGE, POST_SUBSIDY) and their challenges")
public class ProgramController {

  static final String READERS = "hasAnyRole('PROGRAM_MANAGER','AUDITOR','APPLICANT')";
  /** A program and its budget figures (budget, awarded, remaining to award): also finance staff (their budget page). */
  static final String PROGRAM_READERS = "hasAnyRole('PROGRAM_MANAGER','AUDITOR','APPLICANT','FINANCE_OFFICER','FINANCE_APPROVER')";
  static final String MANAGER = "hasRole('PROGRAM_MANAGER')";

  private final ProgramUseCase programs;
  /** Time limit and circuit breaker on the store: 503 + Retry-After at once while it is down. */
  private final StoreGuard guard;

  public ProgramController(ProgramUseCase programs, StoreGuard guard) {
    this.programs = programs;
    this.guard = guard;
  }

  @PostMapping("/programs")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Create a program draft")
  public Mono<ResponseEntity<ProgramView>> create(@Valid @RequestBody ProgramRequest body) {
    return guard.protect(Mono.fromSupplier(body::toTerms)
        .flatMap(terms -> programs.create(terms))
        .map(p -> ResponseEntity.created(URI.create("/programs/" + p.id())).eTag(EntityTags.of(p.version()))
            .body(ProgramView.of(p))));
  }

  @PutMapping("/programs/{programId}")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Edit a program while it is a draft; If-Match required with the ETag read "
      + "(428 without it, 412 when the draft changed meanwhile)")
  public Mono<ResponseEntity<ProgramView>> edit(@PathVariable String programId, @Valid @RequestBody ProgramRequest body,
      @IfMatch ExpectedVersion expected) {
    return guard.protect(Mono.fromSupplier(body::toTerms)
        .flatMap(terms -> programs.edit(programId, terms, expected))
        .map(ProgramController::ok));
  }

  @PostMapping("/programs/{programId}/open")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Open (publish) a program: emits program-published")
  public Mono<ResponseEntity<ProgramView>> open(@PathVariable String programId) {
    return guard.protect(programs.open(programId).map(ProgramController::ok));
  }

  @PostMapping("/programs/{programId}/close")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Close a program: emits program-changed")
  public Mono<ResponseEntity<ProgramView>> close(@PathVariable String programId) {
    return guard.protect(programs.close(programId).map(ProgramController::ok));
  }

  @GetMapping("/programs/{programId}")
  @PreAuthorize(PROGRAM_READERS)
  public Mono<ResponseEntity<ProgramView>> get(@PathVariable String programId, Caller caller) {
    return guard.protect(programs.get(Requests.viewer(caller), programId).map(ProgramController::ok));
  }

  @GetMapping("/programs")
  @PreAuthorize(PROGRAM_READERS)
  @Operation(summary = "List programs, ordered by id, of one status and one kind if given; pass nextCursor as after "
      + "for the next page")
  public Mono<Page<ProgramView>> list(Caller caller, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) ProgramStatus status,
      @RequestParam(required = false) ProgramKind kind) {
    int size = Math.max(1, Math.min(limit, 100));
    return guard.protect(programs.list(Requests.viewer(caller), new ProgramFilter(status, kind), after, size)
            .map(ProgramView::of).collectList()
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null)));
  }

  @PostMapping("/programs/{programId}/challenges")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Post a challenge (榜单) in a CHALLENGE program: emits challenge-published")
  public Mono<ResponseEntity<ChallengeView>> postChallenge(@PathVariable String programId,
      @Valid @RequestBody ChallengeRequest body) {
    return guard.protect(programs.postChallenge(new ProgramUseCase.PostChallengeCommand(programId, body.postingOrganisationCode(),
            body.postingOrganisationName(), body.title(), body.problem(), body.targetIndicators(), body.maxFundingFen(),
            body.deadlineDate()))
        .map(c -> ResponseEntity.created(URI.create("/challenges/" + c.id())).body(ChallengeView.of(c))));
  }

  @GetMapping("/programs/{programId}/challenges")
  @PreAuthorize(READERS)
  public Mono<List<ChallengeView>> challenges(@PathVariable String programId) {
    return guard.protect(programs.listChallenges(programId).map(ChallengeView::of).collectList());
  }

  @GetMapping("/challenges/{challengeId}")
  @PreAuthorize(READERS)
  public Mono<ChallengeView> challenge(@PathVariable String challengeId) {
    return guard.protect(programs.getChallenge(challengeId).map(ChallengeView::of));
  }

  private static ResponseEntity<ProgramView> ok(Program p) {
    return ResponseEntity.ok().eTag(EntityTags.of(p.version())).body(ProgramView.of(p));
  }
}
