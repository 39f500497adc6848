package org.fundflow.intake.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.fundflow.intake.application.port.in.VoucherActor;
import org.fundflow.intake.application.port.in.VoucherUseCase;
import org.fundflow.intake.application.port.out.ContractDocuments;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.ServiceProviders;
import org.fundflow.intake.application.port.out.Vouchers;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.CodeRules;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.voucher.ProviderStatus;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import org.fundflow.intake.domain.voucher.Voucher;
import org.fundflow.intake.domain.voucher.VoucherStatus;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.platform.domain.RequestFingerprint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Innovation vouchers from application to redemption, and the providers they pay (issue 18 point 1). Each change:
 * load, let the domain decide, one atomic write conditional on the version read (retried on a stale version). The
 * voucher share itself is computed and paid by post-subsidy from the voucher-redeemed event (docs/adr/0009).
 */
public final class VoucherService implements VoucherUseCase {

  private final Vouchers vouchers;
  private final ServiceProviders providers;
  private final Programs programs;
  private final Holds holds;
  private final ContractDocuments documents;
  private final PersonIdProtection personIds;
  private final Clock clock;

  public VoucherService(Vouchers vouchers, ServiceProviders providers, Programs programs, Holds holds,
      ContractDocuments documents, PersonIdProtection personIds, Clock clock) {
    this.vouchers = vouchers;
    this.providers = providers;
    this.programs = programs;
    this.holds = holds;
    this.documents = documents;
    this.personIds = personIds;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- vouchers

  /**
   * Issues the enterprise's next voucher of the year. Same Idempotency-Key + same body = the same voucher; a
   * different body = 422. Two applications at once compete for the same n-th id: one is inserted; the other has lost
   * the race for the n-th voucher, which therefore exists, and goes on with the (n+1)-th, or is refused with
   * {@code annual-cap-reached} at once when the n-th was the last one the cap allows (so the annual cap holds).
   *
   * <p>A lost race is decided here, without a recount and without a back-off: it proves another voucher of this
   * enterprise, program and year exists, so each loss moves one voucher towards the cap and the losers get a clear
   * answer (201 or 422) quickly, not a time-out of the store's time limit (a 503 that would also count against the
   * store's circuit breaker). Only when {@value #MAX_LOST_RACES} races in a row are lost does the application end
   * as 409 {@code concurrent-change}.
   */
  @Override
  public Mono<Voucher> apply(ApplyCommand c) {
    return Mono.defer(() -> {
      requireKind(c.actor(), VoucherActor.Kind.ENTERPRISE, "apply for vouchers");
      String legalRepresentative = legalRepresentativeHash(c.legalRepresentativeNationalId());
      String requestHash = RequestFingerprint.of(c.requestFingerprint(legalRepresentative));
      if (c.idempotencyKey() == null || c.idempotencyKey().isBlank()) {
        return Mono.error(IntakeRefusal.rule("idempotency-key-required", "Idempotency-Key required",
            "a voucher application carries an Idempotency-Key header"));
      }
      return earlierApplication(c, requestHash)
          .switchIfEmpty(Mono.defer(() -> issue(c, requestHash, legalRepresentative)));
    });
  }

  /**
   * The keyed hash of a legal representative's national ID number, computed at once (null when none was given): the
   * number is checked (GB 11643; a wrong one is refused naming the field, never repeating it) and goes no further.
   */
  private String legalRepresentativeHash(String nationalId) {
    if (nationalId == null || nationalId.isBlank()) {
      return null;
    }
    CodeRules.requireNationalId(nationalId, "legalRepresentativeNationalId",
        LocalDate.ofInstant(clock.instant(), CallWindow.ZONE));
    return personIds.hash(nationalId);
  }

  /** Lost races for the n-th voucher in a row before the application answers 409 (far above any realistic cap race). */
  static final int MAX_LOST_RACES = 20;

  /** The voucher of an earlier application with the same Idempotency-Key (same body), or 422 for another body. */
  private Mono<Voucher> earlierApplication(ApplyCommand c, String requestHash) {
    return vouchers.findByIdempotencyKey(c.actor().organisationCode(), c.idempotencyKey())
        .flatMap(earlier -> earlier.requestHash().equals(requestHash)
            ? vouchers.find(earlier.id())
            : Mono.<Voucher>error(IntakeRefusal.rule("idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + c.idempotencyKey() + " was used for a different voucher application")));
  }

  private Mono<Voucher> issue(ApplyCommand c, String requestHash, String legalRepresentative) {
    Instant now = clock.instant();
    String org = c.actor().organisationCode();
    return programs.find(c.programId())
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", c.programId())))
        .flatMap(program -> holds.concerning(org, null).collectList()
            .zipWith(vouchers.countIssued(program.id(), org, Voucher.yearOf(now)))
            .flatMap(found -> issueAfter(c, requestHash, legalRepresentative, program, found.getT1(),
                found.getT2().intValue(), now, 0)));
  }

  /**
   * Decides and inserts the voucher after {@code alreadyIssued} vouchers of the year. The insert fails with a
   * {@link ConcurrentChange} when the derived id (the n-th voucher) or the application key exists: the key means the
   * same application was stored concurrently (answered as a repeated one); otherwise the n-th voucher is someone
   * else's and this application decides again after n.
   */
  private Mono<Voucher> issueAfter(ApplyCommand c, String requestHash, String legalRepresentative,
      Program program, List<Hold> holdsFound, int alreadyIssued,
      Instant now, int lostRaces) {
    return Mono.defer(() -> {
      Pledge pledge = c.pledgeAccepted() ? new Pledge(c.pledgeTextVersion(), now) : null;
      Change<Voucher, IntakeEvent> issued = Voucher.issue(program, c.actor().organisationCode(),
          c.actor().organisationName(), c.actor().subject(), pledge, c.smeDeclared(), legalRepresentative,
          holdsFound, alreadyIssued, c.idempotencyKey(), requestHash, now);
      return vouchers.save(issued.next(), issued.events())
          .onErrorResume(ConcurrentChange.class, lost -> earlierApplication(c, requestHash)
              .switchIfEmpty(Mono.defer(() -> lostRaces + 1 >= MAX_LOST_RACES ? Mono.error(lost)
                  : issueAfter(c, requestHash, legalRepresentative, program, holdsFound, issued.next().sequence(),
                      now, lostRaces + 1))));
    });
  }

  @Override
  public Mono<Voucher> get(VoucherActor actor, String voucherId) {
    return visible(actor, voucherId);
  }

  @Override
  public Flux<Voucher> list(VoucherActor actor, ListQuery q) {
    int limit = Math.max(1, Math.min(q.limit(), 100));
    Vouchers.Filter filter = switch (actor.kind()) {
      case STAFF -> new Vouchers.Filter(null, null, q.programId(), q.status(), q.afterId(), limit);
      case ENTERPRISE -> new Vouchers.Filter(required(actor), null, q.programId(), q.status(), q.afterId(), limit);
      case PROVIDER -> new Vouchers.Filter(null, required(actor), q.programId(), q.status(), q.afterId(), limit);
    };
    return vouchers.list(filter);
  }

  @Override
  public Mono<Voucher> documentsChangeable(VoucherActor actor, String voucherId) {
    return Mono.defer(() -> {
      requireKind(actor, VoucherActor.Kind.ENTERPRISE, "add contract documents");
      return visible(actor, voucherId).map(v -> {
        if (v.status() != VoucherStatus.ISSUED) {
          throw IntakeRefusal.illegalTransition("Voucher", voucherId, v.status(), "given a contract document");
        }
        return v;
      });
    });
  }

  @Override
  public Mono<Voucher> contract(ContractCommand c) {
    return Mono.defer(() -> {
      requireKind(c.actor(), VoucherActor.Kind.ENTERPRISE, "use a voucher on a contract");
      Mono<ServiceProvider> provider = providers.find(c.providerId() == null ? "" : c.providerId())
          .switchIfEmpty(Mono.error(() -> IntakeRefusal.rule("provider-not-registered", "Provider not registered",
              "service provider " + c.providerId() + " is not registered")));
      return change(c.actor(), c.voucherId(), c.expected(), v -> Mono.fromRunnable(v::requireIssued).then(provider)
          .flatMap(p -> documents
          .find(v.id(), c.documentId() == null ? "" : c.documentId())
          .map(java.util.Optional::of)
          .defaultIfEmpty(java.util.Optional.empty())
          .map(doc -> {
            if (c.documentId() != null && doc.isEmpty()) {
              throw IntakeRefusal.rule("contract-document-unknown", "Contract document unknown",
                  "document " + c.documentId() + " was not stored for voucher " + v.id());
            }
            return v.contract(p, c.category(), c.amountFen(), c.contractNumber(), doc.orElse(null),
                c.actor().subject(), clock.instant());
          })));
    });
  }

  @Override
  public Mono<Voucher> claimSettlement(VoucherActor actor, String voucherId, ExpectedVersion expected) {
    return Mono.defer(() -> {
      requireKind(actor, VoucherActor.Kind.PROVIDER, "claim settlement");
      return change(actor, voucherId, expected,
          v -> Mono.just(v.claimSettlement(actor.organisationCode(), actor.subject(), clock.instant())));
    });
  }

  @Override
  public Mono<Voucher> confirmDelivery(VoucherActor actor, String voucherId, ExpectedVersion expected) {
    return Mono.defer(() -> {
      requireKind(actor, VoucherActor.Kind.ENTERPRISE, "confirm delivery");
      return change(actor, voucherId, expected,
          v -> Mono.just(v.confirmDelivery(actor.organisationCode(), actor.subject(), clock.instant())));
    });
  }

  // ---------------------------------------------------------------- providers

  /** A SERVICE_PROVIDER registers its own organisation (the code of its token), once. */
  @Override
  public Mono<ServiceProvider> register(RegisterProviderCommand c) {
    return Mono.defer(() -> {
      requireKind(c.actor(), VoucherActor.Kind.PROVIDER, "register a service provider");
      ServiceProvider registered = ServiceProvider.register(c.organisationCode(), c.name(), c.categories(),
          c.contact(), legalRepresentativeHash(c.legalRepresentativeNationalId()), c.actor().subject(),
          clock.instant());
      if (!registered.organisationCode().equals(c.actor().organisationCode())) {
        throw IntakeRefusal.forbidden("a service provider registers its own organisation (the org_code of its token)");
      }
      return providers.save(registered, List.of())
          .onErrorMap(ConcurrentChange.class, e -> new IntakeRefusal(IntakeRefusal.Kind.CONFLICT,
              "already-registered", "Already registered",
              "organisation " + c.organisationCode() + " is registered as service provider " + registered.id(),
              java.util.Map.of("providerId", registered.id())));
    });
  }

  @Override
  public Mono<ServiceProvider> approve(VoucherActor actor, String providerId, ExpectedVersion expected) {
    return decide(actor, providerId, expected, p -> p.approve(actor.subject(), clock.instant()));
  }

  @Override
  public Mono<ServiceProvider> reject(VoucherActor actor, String providerId, String reason,
      ExpectedVersion expected) {
    return decide(actor, providerId, expected, p -> p.reject(actor.subject(), reason, clock.instant()));
  }

  /** Staff read every registration, a provider its own; anybody else: not found. */
  @Override
  public Mono<ServiceProvider> provider(VoucherActor actor, String providerId) {
    return providers.find(providerId)
        .filter(p -> actor.staff() || (actor.kind() == VoucherActor.Kind.PROVIDER
            && p.organisationCode().equals(actor.organisationCode())))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Service provider", providerId)));
  }

  @Override
  public Flux<ServiceProvider> providers(ProviderStatus status, ServiceCategory category, String afterId, int limit) {
    return providers.list(new ServiceProviders.Filter(status, category, afterId, Math.max(1, Math.min(limit, 100))));
  }

  @Override
  public Flux<ServiceProvider> approvedProviders(ServiceCategory category, String afterId, int limit) {
    return providers(ProviderStatus.APPROVED, category, afterId, limit);
  }

  private Mono<ServiceProvider> decide(VoucherActor actor, String providerId, ExpectedVersion expected,
      Function<ServiceProvider, Change<ServiceProvider, IntakeEvent>> command) {
    return Mono.defer(() -> {
          requireKind(actor, VoucherActor.Kind.STAFF, "decide on service providers");
          return provider(actor, providerId).flatMap(current -> {
            if (!expected.matches(current.version())) {
              throw IntakeRefusal.versionMismatch("Service provider", providerId, expected, current.version());
            }
            Change<ServiceProvider, IntakeEvent> change = command.apply(current);
            return providers.save(change.next(), change.events());
          });
        })
        .retryWhen(ConcurrentChanges.retry());
  }

  // ---------------------------------------------------------------- helpers

  private Mono<Voucher> change(VoucherActor actor, String voucherId, ExpectedVersion expected,
      Function<Voucher, Mono<Change<Voucher, IntakeEvent>>> command) {
    ExpectedVersion wanted = expected == null ? ExpectedVersion.any() : expected;
    return Mono.defer(() -> visible(actor, voucherId).flatMap(current -> {
          if (!wanted.matches(current.version())) {
            throw IntakeRefusal.versionMismatch("Voucher", voucherId, wanted, current.version());
          }
          return command.apply(current)
              .flatMap(change -> vouchers.save(change.next(), change.events()));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  /**
   * Staff see every voucher, the enterprise its own, a provider only the vouchers used on a contract with it:
   * anything else is not found (a provider learns nothing of another provider's contracts).
   */
  private Mono<Voucher> visible(VoucherActor actor, String voucherId) {
    return vouchers.find(voucherId)
        .filter(v -> sees(actor, v))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Voucher", voucherId)));
  }

  static boolean sees(VoucherActor actor, Voucher v) {
    return switch (actor.kind()) {
      case STAFF -> true;
      case ENTERPRISE -> v.organisationCode().equals(actor.organisationCode());
      case PROVIDER -> v.contract() != null && actor.organisationCode() != null
          && v.contract().providerOrganisationCode().equals(actor.organisationCode());
    };
  }

  private static String required(VoucherActor actor) {
    if (actor.organisationCode() == null) {
      throw IntakeRefusal.forbidden("the caller's token names no organisation (org_code claim)");
    }
    return actor.organisationCode();
  }

  private static void requireKind(VoucherActor actor, VoucherActor.Kind kind, String action) {
    if (actor.kind() != kind) {
      throw IntakeRefusal.forbidden("only " + kind + " callers " + action);
    }
    if (kind != VoucherActor.Kind.STAFF && actor.organisationCode() == null) {
      throw IntakeRefusal.forbidden("the caller's token names no organisation (org_code claim)");
    }
  }
}
