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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.validation.ValidOrganisationCode;
import org.fundflow.subsidy.adapter.in.web.Views.DisbursementPage;
import org.fundflow.subsidy.adapter.in.web.Views.DisbursementView;
import org.fundflow.subsidy.adapter.in.web.Views.Totals;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.Filter;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.StatusTotal;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.Payee;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/disbursements")
@Tag(name = "disbursements", description = "Payments created by events, prepared and released by two different people")
public class DisbursementController {

  public record PrepareRequest(@NotBlank @Size(max = 200) String payeeName, @NotBlank @Size(max = 200) String bank,
      @NotBlank @Pattern(regexp = "[0-9 ]{8,40}", message = "must be 8-32 digits") String accountNumber) {}

  public record ReleaseRequest(@NotBlank @Size(max = 100) String paymentReference) {}

  private final DisbursementsUseCase useCase;
  private final StoreGuard guard;

  public DisbursementController(DisbursementsUseCase useCase, StoreGuard guard) {
    this.useCase = useCase;
    this.guard = guard;
  }

  @GetMapping
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "List disbursements by status, program, organisation or project, with totals; keyset paging "
      + "on the id: pass nextAfter as after for the next page")
  public Mono<DisbursementPage> list(@RequestParam(required = false) DisbursementStatus status,
      @RequestParam(required = false) String programId, @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(required = false) String projectId, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
    Filter filter = new Filter(status, programId, WebSupport.organisationScope(caller, organisationCode), projectId);
    return guard.protect(useCase.list(filter, after, limit)).map(DisbursementController::page);
  }

  private static DisbursementPage page(DisbursementsUseCase.Listing listing) {
    Map<String, Totals> byStatus = new TreeMap<>();
    listing.totals().forEach(t -> byStatus.put(t.status().name(), new Totals(t.count(), t.amountFen())));
    return new DisbursementPage(listing.page().stream().map(DisbursementView::of).toList(), listing.nextAfter(),
        listing.totals().stream().mapToLong(StatusTotal::count).sum(),
        listing.totals().stream().mapToLong(StatusTotal::amountFen).sum(), byStatus);
  }

  /** The dates of a payment batch are Beijing dates. */
  static final ZoneId BATCH_ZONE = ZoneId.of("Asia/Shanghai");

  @GetMapping("/export")
  @PreAuthorize("hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER','AUDITOR')")
  @Operation(summary = "Released disbursements of a date range for a payment batch export: from and to are "
      + "Asia/Shanghai dates, both inclusive (at most 366 days), on the release time; keyset paging on the id like "
      + "GET /disbursements (pass nextAfter as after), count and totalFen over the whole range")
  public Mono<DisbursementPage> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String programId, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "500") @Min(1) @Max(500) int limit) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 365) {
      return Mono.error(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range",
          "to must not be before from, and the range is at most 366 days"));
    }
    Filter filter = new Filter(DisbursementStatus.RELEASED, programId, null, null,
        from.atStartOfDay(BATCH_ZONE).toInstant(), to.plusDays(1).atStartOfDay(BATCH_ZONE).toInstant());
    return guard.protect(useCase.list(filter, after, limit)).map(DisbursementController::page);
  }

  @GetMapping("/{id}")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "One disbursement with its history; the ETag is its version (for If-Match)")
  public Mono<ResponseEntity<DisbursementView>> get(@PathVariable String id, Caller caller) {
    return guard.protect(useCase.find(id))
        .filter(d -> WebSupport.mayRead(caller, d.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Disbursement", id)))
        .map(DisbursementController::withEtag);
  }

  @PostMapping("/{id}/preparation")
  @PreAuthorize("hasRole('FINANCE_OFFICER')")
  @Operation(summary = "Check the payee account and prepare the disbursement for release (again, to correct the "
      + "payee, while it is not released). With an Idempotency-Key, the same request again is answered with the "
      + "disbursement as it is (nothing changes, whatever If-Match it carries); the same key with another request is "
      + "422 idempotency-key-reused")
  public Mono<ResponseEntity<DisbursementView>> prepare(@PathVariable String id, @Valid @RequestBody PrepareRequest body,
      @IfMatch(required = false) ExpectedVersion expected,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      return Mono.error(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
          "An Idempotency-Key has 1-200 characters."));
    }
    return Mono.fromCallable(() -> new DisbursementsUseCase.PrepareCommand(id, expected,
            new Payee(body.payeeName(), body.bank(), body.accountNumber()), caller.subject(), idempotencyKey))
        .flatMap(c -> guard.protect(useCase.prepare(c)))
        .map(DisbursementController::withEtag);
  }

  @PostMapping("/{id}/release")
  @PreAuthorize("hasRole('FINANCE_APPROVER')")
  @Operation(summary = "Release (pay) a prepared disbursement: another person than the preparer; "
      + "Idempotency-Key and If-Match required")
  public Mono<ResponseEntity<DisbursementView>> release(@PathVariable String id, @Valid @RequestBody ReleaseRequest body,
      @IfMatch ExpectedVersion expected,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return Mono.error(Problems.problem(HttpStatus.BAD_REQUEST, "idempotency-key-required",
          "Idempotency-Key required", "Send an Idempotency-Key header with every release."));
    }
    return Mono.fromCallable(() -> new DisbursementsUseCase.ReleaseCommand(id, expected,
            idempotencyKey, body.paymentReference(), caller.subject()))
        .flatMap(c -> guard.protect(useCase.release(c)))
        .map(DisbursementController::withEtag);
  }

  static ResponseEntity<DisbursementView> withEtag(Disbursement d) {
    return ResponseEntity.ok().eTag(EntityTags.of(d.version())).body(DisbursementView.of(d));
  }
}
