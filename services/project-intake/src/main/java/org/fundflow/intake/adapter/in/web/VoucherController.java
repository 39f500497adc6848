package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.VoucherDtos.ApplyRequest;
import org.fundflow.intake.adapter.in.web.VoucherDtos.ContractDocumentView;
import org.fundflow.intake.adapter.in.web.VoucherDtos.ContractRequest;
import org.fundflow.intake.adapter.in.web.VoucherDtos.VoucherView;
import org.fundflow.intake.application.port.in.VoucherActor;
import org.fundflow.intake.application.port.in.VoucherUseCase;
import org.fundflow.intake.domain.voucher.ContractDocument;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherStatus;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.web.IfMatch;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Innovation vouchers (创新券, issue 18 point 1): an enterprise applies and receives a voucher, uses it on a contract
 * with an approved provider (contract document uploaded to the voucher first), the provider claims settlement after
 * delivery and the enterprise confirms delivery; post-subsidy then pays the provider the voucher share.
 */
@RestController
@Tag(name = "vouchers", description = "Innovation vouchers (创新券) of VOUCHER programs")
public class VoucherController {

  static final String ENTERPRISE = "hasRole('APPLICANT')";
  static final String PROVIDER = "hasRole('SERVICE_PROVIDER')";
  static final String READERS =
      "hasAnyRole('APPLICANT','SERVICE_PROVIDER','PROGRAM_MANAGER','AUDITOR','FINANCE_OFFICER','FINANCE_APPROVER')";

  private final VoucherUseCase vouchers;
  private final DocumentStore store;
  private final StoreGuard guard;
  private final Clock clock;

  public VoucherController(VoucherUseCase vouchers, DocumentStore store, StoreGuard guard, Clock clock) {
    this.vouchers = vouchers;
    this.store = store;
    this.guard = guard;
    this.clock = clock;
  }

  @PostMapping("/vouchers")
  @PreAuthorize(ENTERPRISE)
  @Operation(summary = "Apply for a voucher of a VOUCHER program (integrity pledge + small-and-medium declaration; "
      + "optionally the legal representative's ID number, GB 11643, kept only as a keyed hash); "
      + "Idempotency-Key required (same key + same body = same voucher, different body = 422)")
  public Mono<ResponseEntity<VoucherView>> apply(@RequestHeader("Idempotency-Key") String idempotencyKey,
      @Valid @RequestBody ApplyRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> vouchers.apply(new VoucherUseCase.ApplyCommand(
            VoucherActors.enterprise(caller), body.programId(), idempotencyKey, body.pledge().accepted(),
            body.pledge().textVersion(), body.smeDeclared(), body.legalRepresentativeNationalId())))
        .map(v -> ResponseEntity.created(URI.create("/vouchers/" + v.id())).eTag(EntityTags.of(v.version()))
            .body(view(v))));
  }

  @GetMapping("/vouchers")
  @PreAuthorize(READERS)
  @Operation(summary = "List vouchers (keyset paging, after = nextCursor): an enterprise its own, a provider those "
      + "used on contracts with it, staff all")
  public Mono<Page<VoucherView>> list(Caller caller, @RequestParam(required = false) String programId,
      @RequestParam(required = false) VoucherStatus status, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    return guard.protect(Mono.defer(() -> vouchers.list(VoucherActors.of(caller),
            new VoucherUseCase.ListQuery(programId, status, after, size)).map(this::view).collectList()))
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null));
  }

  @GetMapping("/vouchers/{voucherId}")
  @PreAuthorize(READERS)
  @Operation(summary = "Read a voucher (not visible to the caller: 404)")
  public Mono<ResponseEntity<VoucherView>> get(@PathVariable String voucherId, Caller caller) {
    return guard.protect(Mono.defer(() -> vouchers.get(VoucherActors.of(caller), voucherId))).map(this::ok);
  }

  @PostMapping(path = "/vouchers/{voucherId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(ENTERPRISE)
  @Operation(summary = "Upload the contract document to an ISSUED voucher (multipart part 'file'); its SHA-256 is "
      + "recorded with the contract")
  public Mono<ResponseEntity<ContractDocumentView>> upload(@PathVariable String voucherId, Caller caller,
      ServerWebExchange exchange) {
    VoucherActor actor = VoucherActors.enterprise(caller);
    return guard.protect(Mono.defer(() -> vouchers.documentsChangeable(actor, voucherId)))
        .flatMap(v -> DocumentUploads.store(exchange, store, voucherId, caller.subject()))
        .map(d -> ResponseEntity.created(URI.create("/vouchers/" + voucherId + "/documents/" + d.id()))
            .body(ContractDocumentView.of(new ContractDocument(d.id(), d.name(), d.mediaType(), d.sizeBytes(),
                d.sha256()))));
  }

  @GetMapping("/vouchers/{voucherId}/documents/{documentId}")
  @PreAuthorize(READERS)
  @Operation(summary = "Download a contract document of a voucher the caller may read")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String voucherId,
      @PathVariable String documentId, Caller caller, ServerHttpRequest request) {
    return guard.protect(Mono.defer(() -> vouchers.get(VoucherActors.of(caller), voucherId))
            .then(store.find(documentId).filter(d -> voucherId.equals(d.ownerId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Document", documentId)))))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  @PostMapping("/vouchers/{voucherId}/contract")
  @PreAuthorize(ENTERPRISE)
  @Operation(summary = "Use an ISSUED, unexpired voucher on a service contract with an approved provider "
      + "(category eligible and offered, contract document uploaded first); optional If-Match")
  public Mono<ResponseEntity<VoucherView>> contract(@PathVariable String voucherId,
      @Valid @RequestBody ContractRequest body, Caller caller, @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(Mono.defer(() -> vouchers.contract(new VoucherUseCase.ContractCommand(
        VoucherActors.enterprise(caller), voucherId, body.providerId(), body.category(), body.amountFen(),
        body.contractNumber(), body.documentId(), expected)))).map(this::ok);
  }

  @PostMapping("/vouchers/{voucherId}/settlement-claim")
  @PreAuthorize(PROVIDER)
  @Operation(summary = "The contract's provider claims settlement after delivery; optional If-Match")
  public Mono<ResponseEntity<VoucherView>> claimSettlement(@PathVariable String voucherId, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(Mono.defer(() -> vouchers.claimSettlement(VoucherActors.provider(caller), voucherId,
        expected))).map(this::ok);
  }

  @PostMapping("/vouchers/{voucherId}/delivery-confirmation")
  @PreAuthorize(ENTERPRISE)
  @Operation(summary = "The enterprise confirms delivery of a claimed settlement: the voucher is redeemed (once) and "
      + "post-subsidy pays the provider the voucher share; optional If-Match")
  public Mono<ResponseEntity<VoucherView>> confirmDelivery(@PathVariable String voucherId, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(Mono.defer(() -> vouchers.confirmDelivery(VoucherActors.enterprise(caller), voucherId,
        expected))).map(this::ok);
  }

  private VoucherView view(Voucher v) {
    return VoucherView.of(v, clock.instant());
  }

  private ResponseEntity<VoucherView> ok(Voucher v) {
    return ResponseEntity.ok().eTag(EntityTags.of(v.version())).body(view(v));
  }
}
