package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.VoucherDtos.ProviderView;
import org.fundflow.intake.adapter.in.web.VoucherDtos.PublicProviderView;
import org.fundflow.intake.adapter.in.web.VoucherDtos.RegisterProviderRequest;
import org.fundflow.intake.adapter.in.web.VoucherDtos.RejectProviderRequest;
import org.fundflow.intake.application.port.in.VoucherUseCase;
import org.fundflow.intake.domain.voucher.ProviderStatus;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Science-and-technology service providers (科技服务机构) that vouchers pay (issue 18 point 1): registered by a
 * SERVICE_PROVIDER of the organisation, approved or rejected by a program manager, listed publicly by category
 * ({@code /public/...}: no login).
 */
@RestController
@Tag(name = "service providers", description = "Service providers that innovation vouchers pay")
public class ServiceProviderController {

  static final String PROVIDER = "hasRole('SERVICE_PROVIDER')";
  static final String MANAGER = "hasRole('PROGRAM_MANAGER')";
  static final String STAFF_READERS = "hasAnyRole('PROGRAM_MANAGER','AUDITOR')";
  static final String READERS = "hasAnyRole('PROGRAM_MANAGER','AUDITOR','SERVICE_PROVIDER')";

  private final VoucherUseCase vouchers;
  private final StoreGuard guard;

  public ServiceProviderController(VoucherUseCase vouchers, StoreGuard guard) {
    this.vouchers = vouchers;
    this.guard = guard;
  }

  @PostMapping("/service-providers")
  @PreAuthorize(PROVIDER)
  @Operation(summary = "Register the caller's organisation as a service provider (organisation code checked, GB "
      + "32100, and the token's org_code; optionally the legal representative's ID number, GB 11643, kept only as a "
      + "keyed hash); PENDING until a program manager decides; once per organisation (409)")
  public Mono<ResponseEntity<ProviderView>> register(@Valid @RequestBody RegisterProviderRequest body, Caller caller) {
    return guard.protect(Mono.defer(() -> vouchers.register(new VoucherUseCase.RegisterProviderCommand(
            VoucherActors.provider(caller), body.organisationCode().strip(), body.name(), body.categories(),
            body.contact(), body.legalRepresentativeNationalId()))))
        .map(p -> ResponseEntity.created(URI.create("/service-providers/" + p.id()))
            .eTag(EntityTags.of(p.version())).body(ProviderView.of(p)));
  }

  @GetMapping("/service-providers")
  @PreAuthorize(STAFF_READERS)
  @Operation(summary = "Every registration by status and category (keyset paging, after = nextCursor)")
  public Mono<Page<ProviderView>> list(@RequestParam(required = false) ProviderStatus status,
      @RequestParam(required = false) ServiceCategory category, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    return guard.protect(Mono.defer(() -> vouchers.providers(status, category, after, size).map(ProviderView::of)
            .collectList()))
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null));
  }

  @GetMapping("/service-providers/{providerId}")
  @PreAuthorize(READERS)
  @Operation(summary = "A registration: staff any, a provider its own (another's: 404)")
  public Mono<ResponseEntity<ProviderView>> get(@PathVariable String providerId, Caller caller) {
    return guard.protect(Mono.defer(() -> vouchers.provider(VoucherActors.of(caller), providerId))).map(this::ok);
  }

  @PostMapping("/service-providers/{providerId}/approve")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Approve a PENDING registration: vouchers may be used with the provider; optional If-Match")
  public Mono<ResponseEntity<ProviderView>> approve(@PathVariable String providerId, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(Mono.defer(() -> vouchers.approve(VoucherActors.manager(caller), providerId,
        expected == null ? ExpectedVersion.any() : expected))).map(this::ok);
  }

  @PostMapping("/service-providers/{providerId}/reject")
  @PreAuthorize(MANAGER)
  @Operation(summary = "Reject a PENDING registration with a reason; optional If-Match")
  public Mono<ResponseEntity<ProviderView>> reject(@PathVariable String providerId,
      @Valid @RequestBody RejectProviderRequest body, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(Mono.defer(() -> vouchers.reject(VoucherActors.manager(caller), providerId, body.reason(),
        expected == null ? ExpectedVersion.any() : expected))).map(this::ok);
  }

  @GetMapping("/public/service-providers")
  @Operation(summary = "Public list (no login): approved providers, by category (keyset paging, after = nextCursor)")
  public Mono<Page<PublicProviderView>> publicList(@RequestParam(required = false) ServiceCategory category,
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    return guard.protect(Mono.defer(() -> vouchers.approvedProviders(category, after, size)
            .map(PublicProviderView::of).collectList()))
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).id() : null));
  }

  private ResponseEntity<ProviderView> ok(ServiceProvider p) {
    return ResponseEntity.ok().eTag(EntityTags.of(p.version())).body(ProviderView.of(p));
  }
}
