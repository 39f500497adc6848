package org.fundflow.subsidy.adapter.in.web;

import org.fundflow.platform.web.IfMatch;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.domain.ExpectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.validation.ValidOrganisationCode;
import org.fundflow.subsidy.adapter.in.web.Views.ClaimPage;
import org.fundflow.subsidy.adapter.in.web.Views.ClaimView;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.ClaimStatus;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.fundflow.subsidy.domain.Money;
import org.fundflow.subsidy.domain.Note;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/claims")
@Tag(name = "expenditure claims", description = "R&D expenditure claims of POST_SUBSIDY programs (研发投入后补助)")
public class ClaimController {

  public record SubmitClaimRequest(@NotBlank @Size(max = 100) String programId,
      @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long expenditureThisYearFen,
      @NotNull @PositiveOrZero @Max(Money.MAX_FEN) Long expenditureLastYearFen,
      @NotBlank @Size(max = 200) String auditReportReference) {}

  public record VerificationRequest(@NotBlank @Pattern(regexp = "VERIFIED|REJECTED") String outcome,
      @Size(max = 2000) String reason) {}

  private final ClaimsUseCase useCase;
  private final StoreGuard guard;

  public ClaimController(ClaimsUseCase useCase, StoreGuard guard) {
    this.useCase = useCase;
    this.guard = guard;
  }

  @PostMapping
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Claim a year's audited R&D expenditure for the caller's own organisation")
  public Mono<ResponseEntity<ClaimView>> submit(@Valid @RequestBody SubmitClaimRequest body,
      Caller caller) {
    return Mono.fromCallable(() -> new ClaimsUseCase.SubmitCommand(body.programId(), caller.organisationCode(),
            caller.organisationName(), body.fiscalYear(), body.expenditureThisYearFen(), body.expenditureLastYearFen(),
            body.auditReportReference(), caller.subject()))
        .flatMap(c -> guard.protect(useCase.submit(c)))
        .map(c -> ResponseEntity.created(URI.create("/claims/" + c.id())).eTag(EntityTags.of(c.version())).body(ClaimView.of(c)));
  }

  @PostMapping("/{id}/verification")
  @PreAuthorize("hasRole('FINANCE_OFFICER')")
  @Operation(summary = "Verify (computes the subsidy with an explanation) or reject with a reason")
  public Mono<ResponseEntity<ClaimView>> verify(@PathVariable String id, @Valid @RequestBody VerificationRequest body,
      @IfMatch(required = false) ExpectedVersion expected,
      Caller caller) {
    return Mono.fromCallable(() -> new ClaimsUseCase.VerifyCommand(id, "VERIFIED".equals(body.outcome()), body.reason(),
            expected, caller.subject()))
        .flatMap(c -> guard.protect(useCase.verify(c)))
        .map(ClaimController::withEtag);
  }

  @GetMapping
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "List claims by program, organisation or status, with totals; applicants see their own "
      + "organisation's only. Keyset paging on the id like GET /disbursements: pass nextAfter as after for the next page")
  public Mono<ClaimPage> list(@RequestParam(required = false) String programId,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode, @RequestParam(required = false) ClaimStatus status,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
    ClaimsUseCase.Filter filter = new ClaimsUseCase.Filter(programId,
        WebSupport.organisationScope(caller, organisationCode), status);
    return guard.protect(useCase.search(filter).collectList()).map(all -> {
      List<ExpenditureClaim> page = all.stream()
          .sorted(Comparator.comparing(ExpenditureClaim::id))
          .filter(c -> after == null || c.id().compareTo(after) > 0)
          .limit(limit)
          .toList();
      String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
      return new ClaimPage(page.stream().map(ClaimView::of).toList(), next, all.size(),
          all.stream().mapToLong(ExpenditureClaim::subsidyFen).sum());
    });
  }

  @GetMapping("/{id}")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "One claim with the explanation of its subsidy and its history")
  public Mono<ResponseEntity<ClaimView>> get(@PathVariable String id, Caller caller) {
    return guard.protect(useCase.find(id))
        .filter(c -> WebSupport.mayRead(caller, c.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Claim", id)))
        .map(ClaimController::withEtag);
  }

  /** What verifying would grant now, before the officer confirms; {@code explanationNotes} the steps as data. */
  public record ComputationView(String claimId, long subsidyFen, String explanation, List<String> explanationSteps,
      List<Note> explanationNotes) {}

  @GetMapping("/{id}/computation")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "What verifying this SUBMITTED claim now would grant, with its explanation step by step (as "
      + "text and as data); nothing changes (shown before the officer confirms the verification). Readable by whoever "
      + "reads the claim: finance staff, auditors, the claiming organisation's applicants")
  public Mono<ComputationView> computation(@PathVariable String id, Caller caller) {
    return guard.protect(useCase.find(id))
        .filter(c -> WebSupport.mayRead(caller, c.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Claim", id)))
        .flatMap(claim -> guard.protect(useCase.compute(id)))
        .map(c -> new ComputationView(id, c.subsidyFen(), c.explanation(), c.steps(), c.notes()));
  }

  static ResponseEntity<ClaimView> withEtag(ExpenditureClaim c) {
    return ResponseEntity.ok().eTag(EntityTags.of(c.version())).body(ClaimView.of(c));
  }
}
