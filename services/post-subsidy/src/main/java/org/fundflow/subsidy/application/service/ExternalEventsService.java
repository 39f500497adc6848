package org.fundflow.subsidy.application.service;

import org.fundflow.platform.application.OrganisationHolds;
import java.time.Clock;
import java.util.function.Function;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.subsidy.application.port.out.AwardRemainders;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.FundingSplit;
import org.fundflow.subsidy.domain.Money;
import org.fundflow.subsidy.domain.Note;
import org.fundflow.subsidy.domain.ProgramKind;
import org.fundflow.subsidy.domain.Project;
import org.fundflow.subsidy.domain.TrancheSchedule;
import org.fundflow.subsidy.domain.Trigger;
import org.fundflow.subsidy.domain.TriggerKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates disbursements from triggers, exactly once per trigger (the id is derived from the trigger and
 * the insert hits the unique id on a redelivery), keeps program copies, applies holds and terminations.
 */
public class ExternalEventsService implements ExternalEventsUseCase {

  private final Disbursements disbursements;
  private final Programs programs;
  private final Projects projects;
  /** Open disbursements of an organisation put on hold at once (each its own document and write). */
  private static final int HOLD_CONCURRENCY = 4;

  private final OrganisationHolds holds;
  private final Clock clock;
  private final AwardRemainders remainders;

  public ExternalEventsService(Disbursements disbursements, Programs programs, Projects projects, OrganisationHolds holds,
      Clock clock) {
    this(disbursements, programs, projects, holds, clock, AwardRemainders.NONE);
  }

  /** {@code remainders}: where a terminated project's unpaid award is published (issue 17 point 5). */
  public ExternalEventsService(Disbursements disbursements, Programs programs, Projects projects, OrganisationHolds holds,
      Clock clock, AwardRemainders remainders) {
    this.remainders = remainders;
    this.disbursements = disbursements;
    this.programs = programs;
    this.projects = projects;
    this.holds = holds;
    this.clock = clock;
  }

  @Override
  public Mono<Void> programChanged(ProgramCopy program) {
    return programs.apply(program);
  }

  @Override
  public Mono<Void> proposalAwarded(Awarded e) {
    Mono<FundingSplit> split = e.kind() != ProgramKind.GENERAL ? Mono.empty()
        : e.fundingSplit() != null ? Mono.just(e.fundingSplit()) : programSplit(e.programId());
    return split.map(s -> new long[] {s.advanceOf(e.awardedFen()), s.advancePercent()})
        .defaultIfEmpty(new long[] {-1L, -1L}).flatMap(resolved -> {
      long advance = resolved[0];
      if (e.kind() == ProgramKind.GENERAL && advance < 0) {
        return Mono.error(new IllegalStateException("no funding split known for GENERAL program " + e.programId()));
      }
      Project project = new Project(e.projectId(), e.programId(), e.kind(), e.organisationCode(), e.awardedFen(),
          Math.max(0, advance), e.milestones(), false, null);
      Mono<Void> remember = projects.awarded(project);
      if (e.kind() != ProgramKind.GENERAL) {
        return remember;
      }
      int percent = (int) resolved[1];
      String explanation = "advance on award: awarded " + Money.format(e.awardedFen())
          + (percent >= 0 ? " x " + percent + "%" : " x advance share") + " = " + Money.format(advance)
          + " (HALF_UP to the fen)";
      Note note = percent >= 0 ? Note.of("advance", e.awardedFen(), Integer.toString(percent), advance)
          : Note.of("advance-share", e.awardedFen(), advance);
      return remember.then(Mono.defer(() -> create(Trigger.advance(e.projectId(), e.origin().eventId()), e.programId(), e.projectId(),
          null, e.organisationCode(), advance, explanation, note, e.origin())));
    });
  }

  @Override
  public Mono<Void> projectCompleted(ProjectCompleted e) {
    if (e.kind() != ProgramKind.GENERAL) {
      return Mono.empty();
    }
    Mono<Long> advance = projects.find(e.projectId())
        .filter(p -> p.awardedFen() == e.awardedFen())
        .map(Project::advanceFen)
        .switchIfEmpty(Mono.defer(() -> programSplit(e.programId()).map(s -> s.advanceOf(e.awardedFen()))))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException(
            "no funding split known for GENERAL program " + e.programId())));
    return advance.flatMap(adv -> {
      long balance = e.awardedFen() - adv;
      String explanation = "balance on final acceptance: awarded " + Money.format(e.awardedFen()) + " - advance "
          + Money.format(adv) + " = " + Money.format(balance);
      return create(Trigger.balance(e.projectId(), e.origin().eventId()), e.programId(), e.projectId(), null,
          e.organisationCode(), balance, explanation, Note.of("balance", e.awardedFen(), adv, balance), e.origin());
    });
  }

  @Override
  public Mono<Void> milestoneAccepted(MilestoneAccepted e) {
    if (e.kind() != ProgramKind.CHALLENGE) {
      return Mono.empty();
    }
    String disbursementId = Trigger.tranche(e.projectId(), e.milestoneId(), null).disbursementId();
    return projects.find(e.projectId())
        .map(p -> java.util.Optional.of(p))
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(known -> {
          if (known.isPresent() && known.get().terminated()) {
            return Mono.<TrancheSchedule.Tranche>empty();
          }
          if (known.isPresent() && known.get().awardedFen() == e.awardedFen()
              && known.get().milestones().stream().anyMatch(m -> m.milestoneId().equals(e.milestoneId()))) {
            return Mono.justOrEmpty(TrancheSchedule.split(e.awardedFen(), known.get().milestones()).stream()
                .filter(t -> t.milestoneId().equals(e.milestoneId())).findFirst());
          }
          // the plan is unknown: awarded x % for each, the last takes the remainder of what exists
          return disbursements.findByProject(e.projectId())
              .filter(d -> d.trigger().kind() == TriggerKind.TRANCHE && !d.id().equals(disbursementId)
                  && d.status() != DisbursementStatus.CANCELLED)
              .map(Disbursement::amountFen)
              .reduce(0L, Long::sum)
              .map(earlier -> TrancheSchedule.without(e.awardedFen(), e.milestoneId(), e.sequence(),
                  e.tranchePercent(), e.lastMilestone(), earlier));
        })
        .flatMap(t -> create(Trigger.tranche(e.projectId(), e.milestoneId(), e.origin().eventId()), e.programId(),
            e.projectId(), null, e.organisationCode(), t.amountFen(),
            "tranche of milestone " + e.milestoneId() + " (sequence " + e.sequence() + "): "
                + t.explanation(e.awardedFen()), t.last()
                ? Note.of("tranche-last", e.milestoneId(), Integer.toString(e.sequence()), e.awardedFen(), t.amountFen())
                : Note.of("tranche", e.milestoneId(), Integer.toString(e.sequence()), e.awardedFen(),
                    Integer.toString(t.tranchePercent()), t.amountFen()), e.origin()));
  }

  /**
   * Cancels what is not paid yet, then publishes what is left of the award (awarded - released) once: every open
   * disbursement is cancelled by a version-checked write first, so a release racing with it either came first
   * (and counts as paid) or is refused.
   */
  @Override
  public Mono<Void> projectTerminated(ProjectTerminated e) {
    return projects.terminated(e.projectId(), e.programId(), e.organisationCode(), e.reason())
        .thenMany(Flux.defer(() -> disbursements.findByProject(e.projectId())))
        .filter(d -> d.status().isOpen())
        .concatMap(d -> change(d.id(), current -> current.cancel("project terminated: " + e.reason(),
            org.fundflow.subsidy.domain.Note.of("project-terminated", String.valueOf(e.reason())), e.origin().actor(),
            clock.instant()), e.origin()))
        .then(Mono.defer(() -> releaseRemainder(e)));
  }

  private Mono<Void> releaseRemainder(ProjectTerminated e) {
    Mono<Long> awarded = e.awardedFen() != null ? Mono.just(e.awardedFen())
        : projects.find(e.projectId()).map(Project::awardedFen).defaultIfEmpty(0L);
    Mono<Long> paid = disbursements.findByProject(e.projectId())
        .filter(d -> d.status() == DisbursementStatus.RELEASED)
        .map(Disbursement::amountFen)
        .reduce(0L, Long::sum);
    return Mono.zip(awarded, paid)
        .map(t -> org.fundflow.subsidy.domain.AwardRemainder.of(e.projectId(), e.programId(), e.organisationCode(),
            t.getT1(), t.getT2(), e.origin().eventId(), clock.instant()))
        .flatMap(r -> remainders.release(r))
        .then();
  }

  /**
   * Suspension holds the project's open disbursements under {@link Disbursement#suspensionHoldId}; resumption puts
   * them back under the organisation's integrity hold if there is one, else back to the status they had.
   */
  @Override
  public Mono<Void> projectSuspension(ProjectSuspension e) {
    String suspension = Disbursement.suspensionHoldId(e.projectId());
    Mono<Void> recorded = projects.suspended(e.projectId(), e.programId(), e.organisationCode(), e.suspended());
    if (e.suspended()) {
      return recorded.thenMany(Flux.defer(() -> disbursements.findByProject(e.projectId())))
          .filter(d -> d.status() == DisbursementStatus.CREATED || d.status() == DisbursementStatus.PREPARED)
          .concatMap(d -> change(d.id(), current -> current.hold(suspension, e.origin().actor(), clock.instant()),
              e.origin(), null))
          .then();
    }
    return recorded.then(holds.activeHold(e.organisationCode()).map(java.util.Optional::of)
            .defaultIfEmpty(java.util.Optional.empty()))
        .flatMapMany(orgHold -> disbursements.findByProject(e.projectId())
            .filter(Disbursement::heldBySuspension)
            .concatMap(d -> change(d.id(), current -> !current.heldBySuspension() ? Change.quiet(current)
                : orgHold.isPresent() ? current.heldUnder(orgHold.get(), e.origin().actor(), clock.instant())
                : current.resume(e.origin().actor(), clock.instant()), e.origin(), null)))
        .then();
  }

  @Override
  public Mono<Void> holdPlaced(HoldPlaced e) {
    // each disbursement is its own document: held 4 at a time, not one after the other (issue 20 (d))
    return holds.place(e.organisationCode(), e.holdId())
        .thenMany(Flux.defer(() -> disbursements.findOpenByOrganisation(e.organisationCode())))
        .flatMap(d -> change(d.id(), current -> current.hold(e.holdId(), e.origin().actor(), clock.instant()),
            e.origin()), HOLD_CONCURRENCY)
        .then();
  }

  /** The organisation is free: its held disbursements resume, except those of a suspended project (they stay held under its suspension). */
  @Override
  public Mono<Void> holdLifted(HoldLifted e) {
    return holds.lift(e.organisationCode(), e.holdId())
        .filter(Boolean::booleanValue)
        .flatMapMany(free -> disbursements.findOnHoldByOrganisation(e.organisationCode()))
        .filter(d -> !d.heldBySuspension())
        .concatMap(d -> suspendedProject(d).flatMap(suspended -> change(d.id(), current -> suspended
            ? current.heldUnder(Disbursement.suspensionHoldId(d.projectId()), e.origin().actor(), clock.instant())
            : current.resume(e.origin().actor(), clock.instant()), e.origin())))
        .then();
  }

  private Mono<Boolean> suspendedProject(Disbursement d) {
    if (d.projectId() == null) {
      return Mono.just(false);
    }
    return projects.find(d.projectId()).map(Project::suspended).defaultIfEmpty(false);
  }

  @Override
  public Mono<Void> claimVerified(ClaimVerified e) {
    if (!e.verified() || e.subsidyFen() <= 0) {
      return Mono.empty();
    }
    return create(Trigger.postSubsidy(e.claimId(), e.origin().eventId()), e.programId(), null, e.claimId(),
        e.organisationCode(), e.subsidyFen(), "post-subsidy of claim " + e.claimId() + ": " + e.explanation(),
        Note.of("post-subsidy", e.claimId(), e.subsidyFen()), e.origin());
  }

  /** The voucher share to the provider (never the enterprise): the trigger's id is derived from the voucher id. */
  @Override
  public Mono<Void> voucherRedeemed(VoucherRedeemed e) {
    org.fundflow.subsidy.domain.VoucherShare share = org.fundflow.subsidy.domain.VoucherShare.of(e.contractAmountFen(),
        e.ratioBasisPoints(), e.faceValueFen());
    return create(Trigger.voucher(e.voucherId(), e.origin().eventId()), e.programId(), null, null,
        e.providerOrganisationCode(), share.shareFen(), "voucher " + e.voucherId() + " to provider "
            + e.providerName() + ": " + share.explanation(), share.note(e.voucherId(), e.providerName()), e.origin());
  }

  private Mono<FundingSplit> programSplit(String programId) {
    return programs.find(programId).flatMap(p -> Mono.justOrEmpty(p.fundingSplit()));
  }

  private Mono<Void> create(Trigger trigger, String programId, String projectId, String claimId,
      String organisationCode, long amountFen, String explanation, Note note, Origin origin) {
    return holds.activeHold(organisationCode)
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(hold -> {
          Change<Disbursement, DisbursementEvent> created = Disbursement.create(trigger, programId, projectId, claimId, organisationCode,
              amountFen, explanation, note, hold.orElse(null), origin.actor(), clock.instant());
          return disbursements.create(created.next(), created.events(), origin.eventId())
              .then(Mono.defer(() -> followHold(trigger.disbursementId(), organisationCode, hold.isPresent(), origin)));
        })
        .then();
  }

  /**
   * The organisation's hold as it is now, applied to a disbursement just created: hold-placed and hold-lifted are
   * applied by another consumer, which may have stored the hold and swept the organisation's disbursements between
   * this creation's read of the hold and its insert. The sweep stores the hold before it reads, this check reads
   * after the insert, so at least one of the two sees the other. Not an application of the triggering event (no
   * inbox entry): holding a held or resuming an unheld disbursement changes nothing.
   */
  private Mono<Void> followHold(String disbursementId, String organisationCode, boolean heldWhenRead, Origin origin) {
    return holds.activeHold(organisationCode)
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .filter(hold -> hold.isPresent() != heldWhenRead) // unchanged: the insert already has it right
        .flatMap(hold -> change(disbursementId, current -> hold.isPresent()
            ? current.hold(hold.get(), origin.actor(), clock.instant())
            : current.resume(origin.actor(), clock.instant()), origin, null));
  }

  /** Load, decide, write with the version read; on a concurrent change do it again. */
  private Mono<Void> change(String id, Function<Disbursement, Change<Disbursement, DisbursementEvent>> decide, Origin origin) {
    return change(id, decide, origin, origin.eventId());
  }

  private Mono<Void> change(String id, Function<Disbursement, Change<Disbursement, DisbursementEvent>> decide, Origin origin,
      String appliedEventId) {
    return Mono.defer(() -> disbursements.findById(id).flatMap(current -> {
          Change<Disbursement, DisbursementEvent> change = decide.apply(current);
          if (!change.changes(current)) {
            return Mono.<Boolean>empty();
          }
          return disbursements.update(change.next(), change.events(), appliedEventId);
        }))
        .retryWhen(ConcurrentChanges.retry())
        .then();
  }
}
