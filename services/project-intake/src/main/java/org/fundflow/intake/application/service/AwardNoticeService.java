package org.fundflow.intake.application.service;

import java.time.Clock;
import java.time.Instant;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.AwardNotices;
import org.fundflow.intake.application.port.out.IdGenerator;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.Objection;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalStatus;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.application.Correlation;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.ExpectedVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public notice of awards (issue 17 point 2). Every change: load, let the domain decide, one version-checked
 * write of the proposal with its events (retried on a stale version). An upheld objection's amount goes back to the
 * program's budget by one conditional update keyed by the proposal, made right after the write and again when intake
 * reads its own award-withdrawn event (so a crash in between loses nothing, and nothing is returned twice).
 */
public final class AwardNoticeService implements AwardNoticeUseCase {

  private static final int SWEEP_BATCH = 500;
  private static final int MAX_PAGE = 100;

  private final Proposals proposals;
  private final Programs programs;
  private final AwardNotices notices;
  private final IdGenerator ids;
  private final Clock clock;

  public AwardNoticeService(Proposals proposals, Programs programs, AwardNotices notices, IdGenerator ids,
      Clock clock) {
    this.proposals = proposals;
    this.programs = programs;
    this.notices = notices;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Mono<Lodged> lodge(LodgeObjectionCommand c) {
    String objectionId = ids.next("obj");
    return Mono.defer(() -> noticed(c.objector(), c.proposalId()).flatMap(current -> {
          Change<Proposal, IntakeEvent> lodged = current.lodgeObjection(objectionId, c.objector().subject(),
              c.objector().applicant() ? c.objector().organisationCode() : null, c.reasons(), clock.instant());
          return proposals.save(lodged.next(), lodged.events())
              .map(next -> new Lodged(next, next.notice().objection(objectionId).orElseThrow()));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<Proposal> decide(DecideObjectionCommand c) {
    return Mono.defer(() -> proposals.find(c.proposalId())
            .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Proposal", c.proposalId())))
            .flatMap(current -> {
              if (!c.expectedVersion().matches(current.version())) {
                throw IntakeRefusal.versionMismatch("Proposal", c.proposalId(), c.expectedVersion(), current.version());
              }
              Proposal p = current;
              return program(p.programId()).flatMap(program -> {
                Change<Proposal, IntakeEvent> decided = p.decideObjection(c.objectionId(), c.uphold(), c.reason(),
                    c.manager().subject(), program, clock.instant());
                return proposals.save(decided.next(), decided.events());
              });
            }))
        .retryWhen(ConcurrentChanges.retry())
        .flatMap(saved -> saved.status() != ProposalStatus.AWARD_WITHDRAWN ? Mono.just(saved)
            // the event's consumer gives it back as well if this fails: the update is conditional, once only
            : returnWithdrawn(new AwardWithdrawn(saved.programId(), saved.id(),
                saved.awardedAmountFen())).onErrorResume(e -> Mono.just(false)).thenReturn(saved));
  }

  @Override
  public Flux<Proposal> underNotice(String afterId, int limit) {
    return notices.underNotice(afterId, Math.max(1, Math.min(limit <= 0 ? 20 : limit, MAX_PAGE)));
  }

  /**
   * One version-checked step per proposal whose notice has ended: a second replica's step on the same proposal fails
   * on the version, retries on the new state and finds nothing left to do (no write, no second event).
   */
  @Override
  public Mono<Long> finaliseDue() {
    return Mono.defer(() -> {
      Instant now = clock.instant();
      return notices.endedBy(now, SWEEP_BATCH)
          .concatMap(id -> Mono.defer(() -> proposals.find(id).flatMap(current -> program(current.programId())
                  .flatMap(program -> {
                    Change<Proposal, IntakeEvent> step = current.finaliseIfDue(program, now);
                    if (!step.eventful()) {
                      return Mono.just(false);
                    }
                    return proposals.save(step.next(), step.events()).thenReturn(true);
                  })))
              .retryWhen(ConcurrentChanges.retry())
              .onErrorResume(e -> Mono.just(false)))
          .filter(Boolean::booleanValue)
          .count();
    }).contextWrite(Correlation.unlessPresent("award-notice-sweep"));
  }

  @Override
  public Mono<Boolean> returnWithdrawn(AwardWithdrawn e) {
    return programs.returnWithdrawnAward(e.programId(), e.proposalId(), e.withdrawnAmountFen());
  }

  @Override
  public Mono<Objection> evidenceWritable(Viewer objector, String proposalId, String objectionId) {
    return objection(proposalId, objectionId, o -> o.lodgedBy().equals(objector.subject())).map(found -> {
      if (!found.pending()) {
        throw IntakeRefusal.illegalTransition("Objection", objectionId, found.status(), "given evidence");
      }
      return found;
    });
  }

  @Override
  public Mono<Objection> evidenceReadable(Viewer viewer, boolean staff, String proposalId, String objectionId) {
    return objection(proposalId, objectionId, o -> staff || o.lodgedBy().equals(viewer.subject()));
  }

  // ---------------------------------------------------------------- helpers

  private Mono<Objection> objection(String proposalId, String objectionId, java.util.function.Predicate<Objection> may) {
    return Mono.defer(() -> proposals.find(proposalId)
        .flatMap(p -> Mono.justOrEmpty(p.notice() == null ? null
            : p.notice().objection(objectionId).orElse(null)))
        .filter(may)
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Objection", objectionId))));
  }

  /** A proposal under notice is public; any other is found only by those who may see it. */
  private Mono<Proposal> noticed(Viewer viewer, String proposalId) {
    return proposals.find(proposalId)
        .filter(v -> v.status() == ProposalStatus.UNDER_NOTICE || viewer.sees(v.organisationCode()))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Proposal", proposalId)));
  }

  private Mono<Program> program(String programId) {
    return programs.find(programId)
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)));
  }

}
