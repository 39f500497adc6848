package org.fundflow.subsidy.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.subsidy.application.port.in.RecoveriesUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.HistoryEntry;
import org.fundflow.subsidy.domain.RecoveryOrder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 追回 (issue 17 point 4): recovery orders. Finance and auditors read all, an applicant only its organisation's (what it
 * owes); a finance officer records the repayment or write-off, another finance user approves or refuses it.
 */
@RestController
@RequestMapping("/recoveries")
@Tag(name = "recoveries", description = "追回: recovery of released funds after confirmed misconduct")
public class RecoveryController {

  static final String FINANCE = "hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER')";

  private final RecoveriesUseCase useCase;
  private final StoreGuard guard;

  public RecoveryController(RecoveriesUseCase useCase, StoreGuard guard) {
    this.useCase = useCase;
    this.guard = guard;
  }

  /** repaidFen: REPAID only, exactly the amount of the order. */
  public record RecordRequest(@NotNull RecoveryOrder.Outcome outcome, @Min(1) Long repaidFen,
      @Size(max = 128) String paymentReference, @NotBlank @Size(max = 2000) String note) {}

  public record RefuseRequest(@NotBlank @Size(max = 2000) String reason) {}

  public record RecoveryView(String recoveryId, String caseId, String projectId, String programId,
      String organisationCode, long amountFen, long releasedFen, String basis, String status, String recordedOutcome,
      String paymentReference, String note, String recordedBy, Instant recordedAt, String approvedBy,
      Instant settledAt, Instant openedAt, List<HistoryEntry> history) {
    static RecoveryView of(RecoveryOrder o) {
      return new RecoveryView(o.id(), o.caseId(), o.projectId(), o.programId(), o.organisationCode(), o.amountFen(),
          o.releasedFen(), o.basis().name(), o.status().name(),
          o.recordedOutcome() == null ? null : o.recordedOutcome().name(), o.paymentReference(), o.note(),
          o.recordedBy(), o.recordedAt(), o.approvedBy(), o.settledAt(), o.openedAt(), o.history());
    }
  }

  @GetMapping
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "Recovery orders: all for finance and auditors, the own organisation's for an applicant")
  public Flux<RecoveryView> list(Caller caller) {
    return guard.protect(Flux.defer(() -> useCase.list(WebSupport.organisationScope(caller, null))))
        .map(RecoveryView::of);
  }

  @GetMapping("/{id}")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "One recovery order with its history (applicants: own organisation only)")
  public Mono<RecoveryView> get(@PathVariable String id, Caller caller) {
    return guard.protect(useCase.find(id))
        .filter(o -> WebSupport.mayRead(caller, o.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Recovery", id)))
        .map(RecoveryView::of);
  }

  @PostMapping("/{id}/record")
  @PreAuthorize("hasRole('FINANCE_OFFICER')")
  @Operation(summary = "Record the repayment (exactly the amount, with its reference) or a write-off, for approval")
  public Mono<RecoveryView> record(@PathVariable String id, @Valid @RequestBody RecordRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> useCase.record(new RecoveriesUseCase.Record(id, body.outcome(),
            body.repaidFen(), body.paymentReference(), body.note(), caller.subject()))))
        .map(RecoveryView::of);
  }

  @PostMapping("/{id}/approval")
  @PreAuthorize(FINANCE)
  @Operation(summary = "Approve the recorded settlement: REPAID or WRITTEN_OFF (another person than the recorder)")
  public Mono<RecoveryView> approve(@PathVariable String id, Caller caller) {
    return guard.protect(Mono.defer(() -> useCase.approve(id, caller.subject())))
        .map(RecoveryView::of);
  }

  @PostMapping("/{id}/refusal")
  @PreAuthorize(FINANCE)
  @Operation(summary = "Refuse the recorded settlement with a reason: the order is OPEN again")
  public Mono<RecoveryView> refuse(@PathVariable String id, @Valid @RequestBody RefuseRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> useCase.refuse(id, body.reason(), caller.subject())))
        .map(RecoveryView::of);
  }
}
