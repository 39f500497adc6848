package org.fundflow.subsidy.application.service;

import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.domain.RequestFingerprint;
import java.time.Clock;
import java.time.Duration;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.platform.domain.Refusal.Kind;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementRefused;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.Money;
import reactor.core.publisher.Mono;

/**
 * Prepare and release. A release is: the four-eyes and state checks (domain), no active hold, an
 * idempotent conditional reservation on the program budget keyed by the disbursement id (one
 * reservation per disbursement: of two approvers releasing at once only one gets it), the
 * version-checked RELEASED write with its event, then the reservation becomes a release. If the
 * write loses (a hold or a cancellation came in between), the reservation is given back.
 */
public class DisbursementsService implements DisbursementsUseCase {

  private final Disbursements disbursements;
  private final Programs programs;
  private final OrganisationHolds holds;
  private final Clock clock;
  private final Duration reconcileGrace;

  public DisbursementsService(Disbursements disbursements, Programs programs, OrganisationHolds holds, Clock clock,
      Duration reconcileGrace) {
    this.disbursements = disbursements;
    this.programs = programs;
    this.holds = holds;
    this.clock = clock;
    this.reconcileGrace = reconcileGrace;
  }

  @Override
  public Mono<Disbursement> prepare(PrepareCommand c) {
    String fingerprint = c.idempotencyKey() == null ? null : RequestFingerprint.of(c.fingerprint());
    return load(c.disbursementId()).flatMap(d -> {
      if (d.preparedWithKey(c.idempotencyKey())) {
        if (d.preparedBy(c.idempotencyKey(), fingerprint)) {
          return Mono.just(d); // the same request again (a double click, a retry): the same answer, nothing changes
        }
        return Mono.error(new Refusal(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
            "Idempotency-Key " + c.idempotencyKey() + " was used for a different preparation request"));
      }
      checkVersion(d, c.expectedVersion());
      return refuseWhileHeld(d).then(Mono.defer(() -> {
        Change<Disbursement, DisbursementEvent> change = d.prepare(c.payee(), c.by(), c.idempotencyKey(), fingerprint,
            clock.instant());
        return disbursements.update(change.next(), change.events(), null)
            .onErrorMap(ConcurrentChange.class, DisbursementsService::changed)
            .then(Mono.defer(() -> load(c.disbursementId())));
      }));
    });
  }

  @Override
  public Mono<Disbursement> release(ReleaseCommand c) {
    return load(c.disbursementId()).flatMap(d -> {
      if (d.status() == DisbursementStatus.RELEASED && c.idempotencyKey().equals(d.releaseIdempotencyKey())) {
        if (c.paymentReference().equals(d.paymentReference()) && c.by().equals(d.releasedBy())) {
          return Mono.just(d); // the same request again: the same answer
        }
        return Mono.error(new Refusal(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
            "Idempotency-Key " + c.idempotencyKey() + " was used for a different release request"));
      }
      if (d.status() == DisbursementStatus.ON_HOLD) {
        return Mono.error(d.heldRefusal()); // say why (integrity hold or suspended project), whatever version the caller holds
      }
      checkVersion(d, c.expectedVersion());
      Change<Disbursement, DisbursementEvent> change = d.release(c.by(), c.paymentReference(), c.idempotencyKey(), clock.instant());
      return refuseWhileHeld(d)
          .then(Mono.defer(() -> programs.reserve(d.programId(), d.id(), d.amountFen())))
          .flatMap(reservation -> switch (reservation) {
            case RESERVED -> write(change, c);
            case ALREADY_RESERVED -> Mono.<Disbursement>error(new Refusal(Kind.CONFLICT, "release-in-progress",
                "Release in progress", "disbursement " + d.id() + " is being released by another request"));
            case ALREADY_RELEASED -> Mono.<Disbursement>error(new Refusal(Kind.CONFLICT, "already-released", "Already released",
                "disbursement " + d.id() + " was released already"));
            case INSUFFICIENT_BUDGET -> programs.find(d.programId()).flatMap(p -> Mono.<Disbursement>error(new Refusal(
                Kind.UNPROCESSABLE, "budget-exceeded", "Program budget exceeded",
                "releasing " + Money.format(d.amountFen()) + " would take program " + d.programId()
                    + " over its budget " + Money.format(p.budgetFen()) + " (paid " + Money.format(p.paidFen())
                    + ", reserved for release " + Money.format(p.reservedForReleaseFen()) + ")")));
            case UNKNOWN_PROGRAM -> Mono.<Disbursement>error(new Refusal(Kind.UNPROCESSABLE, "unknown-program", "Unknown program",
                "program " + d.programId() + " is not known here; its budget cannot be checked"));
          });
    });
  }

  private Mono<Disbursement> write(Change<Disbursement, DisbursementEvent> change, ReleaseCommand c) {
    Disbursement next = change.next();
    return disbursements.update(next, change.events(), null)
        .then(Mono.defer(() -> programs.confirm(next.programId(), next.id())))
        .then(Mono.defer(() -> load(next.id())))
        .onErrorResume(ConcurrentChange.class, e -> programs.undo(next.programId(), next.id())
            .then(Mono.defer(() -> load(next.id())))
            .flatMap(now -> Mono.error(now.status() == DisbursementStatus.ON_HOLD
                ? now.heldRefusal()
                : changed(e))));
  }

  private Mono<Void> refuseWhileHeld(Disbursement d) {
    return holds.activeHold(d.organisationCode())
        .flatMap(hold -> Mono.<Void>error(onHold(d)));
  }

  private static DisbursementRefused onHold(Disbursement d) {
    return new DisbursementRefused(DisbursementRefused.Reason.ORGANISATION_ON_HOLD,
        "organisation " + d.organisationCode() + " is under an integrity hold: disbursement " + d.id()
            + " cannot be paid until the hold is lifted");
  }

  private static Refusal changed(Throwable e) {
    return new Refusal(Kind.CONFLICT, "concurrent-change", "Changed by someone else",
        "The disbursement was changed by another request or event at the same time; reload it and try again.");
  }

  private static void checkVersion(Disbursement d, ExpectedVersion expected) {
    if (!expected.matches(d.version())) {
      throw new Refusal(Kind.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
          "disbursement " + d.id() + " is at version " + d.version() + ", not " + expected + " (If-Match)");
    }
  }

  private Mono<Disbursement> load(String id) {
    return disbursements.findById(id).switchIfEmpty(Mono.error(() -> Refusal.notFound("Disbursement", id)));
  }

  @Override
  public Mono<Disbursement> find(String id) {
    return load(id);
  }

  @Override
  public Mono<Listing> list(Filter filter, String after, int limit) {
    return Mono.zip(disbursements.page(filter, after, limit).collectList(), disbursements.totals(filter).collectList())
        .map(read -> new Listing(read.getT1(),
            read.getT1().size() == limit ? read.getT1().get(limit - 1).id() : null, read.getT2()));
  }

  @Override
  public Mono<Integer> reconcile() {
    return programs.reservationsBefore(clock.instant().minus(reconcileGrace))
        .concatMap(r -> disbursements.findById(r.disbursementId())
            .map(d -> d.status() == DisbursementStatus.RELEASED)
            .defaultIfEmpty(false)
            .flatMap(released -> released
                ? programs.confirm(r.programId(), r.disbursementId())
                : programs.undo(r.programId(), r.disbursementId()))
            .thenReturn(1))
        .reduce(0, Integer::sum);
  }
}
