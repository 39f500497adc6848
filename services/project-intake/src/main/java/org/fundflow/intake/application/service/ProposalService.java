package org.fundflow.intake.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fundflow.intake.application.port.in.DecisionUseCase;
import org.fundflow.intake.application.port.in.ProposalUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Challenges;
import org.fundflow.intake.application.port.out.Holds;
import org.fundflow.intake.application.port.out.IdGenerator;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.intake.application.port.out.Programs;
import org.fundflow.intake.application.port.out.ProposalFiles;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.CodeRules;
import org.fundflow.intake.domain.Hold;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.IntakeRefusal;
import org.fundflow.intake.domain.NoticePeriod;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalContent;
import org.fundflow.intake.domain.ReviewRanking;
import org.fundflow.intake.application.port.out.ReviewResults;
import org.fundflow.intake.domain.Submission;
import org.fundflow.intake.domain.TeamMember;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.platform.domain.RequestFingerprint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Proposals from draft to decision. Each change: load, let the domain decide, one atomic write (retried on a stale version). */
public final class ProposalService implements ProposalUseCase, DecisionUseCase {

  private static final int MAX_PAGE = 100;

  private final Proposals proposals;
  private final Programs programs;
  private final ReservationSettlement settlement;
  private final Challenges challenges;
  private final Holds holds;
  private final PersonIdProtection personIds;
  private final IdGenerator ids;
  private final Clock clock;
  private final ProposalFiles files;
  private ReviewResults reviews = ReviewResults.NONE;
  /** How long an award stays under public notice before it is final (issue 17 point 2); none: final at once. */
  private final NoticePeriod noticePeriod;

  public ProposalService(Proposals proposals, Programs programs, Challenges challenges, Holds holds,
      PersonIdProtection personIds, IdGenerator ids, Clock clock) {
    this(proposals, programs, challenges, holds, personIds, ids, clock, ProposalFiles.NONE);
  }

  /** {@code files}: the stored files whose metadata the proposal-submitted event carries. */
  public ProposalService(Proposals proposals, Programs programs, Challenges challenges, Holds holds, PersonIdProtection personIds,
      IdGenerator ids, Clock clock, ProposalFiles files) {
    this(proposals, programs, challenges, holds, personIds, ids, clock, files, NoticePeriod.NONE);
  }

  /** {@code noticePeriod}: an award goes under public notice for this long before it is final. */
  public ProposalService(Proposals proposals, Programs programs, Challenges challenges, Holds holds, PersonIdProtection personIds,
      IdGenerator ids, Clock clock, ProposalFiles files, NoticePeriod noticePeriod) {
    this.noticePeriod = noticePeriod;
    this.files = files;
    this.proposals = proposals;
    this.programs = programs;
    this.settlement = new ReservationSettlement(programs, proposals);
    this.challenges = challenges;
    this.holds = holds;
    this.personIds = personIds;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code reviews}: the expert review scores an award of a program with review is checked against (立项评审). */
  public ProposalService withReviews(ReviewResults reviews) {
    this.reviews = reviews;
    return this;
  }

  // ---------------------------------------------------------------- applicants

  @Override
  public Mono<Proposal> createDraft(CreateDraftCommand c) {
    return Mono.defer(() -> {
      requireApplicant(c.applicant());
      ProposalContent content = content(c.content());
      return program(c.programId())
          .flatMap(program -> challenge(c.challengeId()).flatMap(challenge -> {
            Proposal draft = Proposal.draft(ids.next("prp"), program, challenge.orElse(null),
                c.applicant().organisationCode(), c.applicant().organisationName(), c.applicant().subject(), content,
                clock.instant());
            return proposals.save(draft, List.of());
          }));
    });
  }

  @Override
  public Mono<Proposal> editDraft(Viewer applicant, String proposalId, DraftContent content) {
    return change(applicant, proposalId, p -> Mono.just(p.edit(content(content))));
  }

  @Override
  public Mono<Void> deleteDraft(Viewer applicant, String proposalId) {
    return Mono.defer(() -> visible(applicant, proposalId).flatMap(current -> {
          current.requireDeletable();
          return proposals.delete(proposalId, current.version());
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<Proposal> submit(SubmitCommand c) {
    String requestHash = RequestFingerprint.of(c.requestFingerprint());
    return Mono.defer(() -> visible(c.applicant(), c.proposalId()).flatMap(p -> {
          Submission earlier = p.submission();
          if (earlier != null && earlier.idempotencyKey().equals(c.idempotencyKey())) {
            if (earlier.requestHash().equals(requestHash)) {
              return Mono.just(p); // the same request again: the same answer
            }
            return Mono.error(IntakeRefusal.rule("idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + c.idempotencyKey() + " was used for a different request on proposal " + p.id()));
          }
          Instant now = clock.instant();
          return program(p.programId()).flatMap(program -> challenge(p.challengeId()).flatMap(challenge ->
              holdsOf(p).zipWith(files.of(p.id()).collectList()).flatMap(found -> {
                Pledge pledge = c.pledgeAccepted() ? new Pledge(c.pledgeTextVersion(), now) : null;
                Change<Proposal, IntakeEvent> submitted = p.submit(program, challenge.orElse(null), pledge,
                    new Submission(c.idempotencyKey(), requestHash, now), found.getT1(), found.getT2(), now);
                return proposals.save(submitted.next(), submitted.events());
              })));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  @Override
  public Mono<Proposal> withdraw(Viewer applicant, String proposalId) {
    return change(applicant, proposalId, p -> Mono.just(p.withdraw(clock.instant())));
  }

  @Override
  public Mono<Proposal> get(Viewer viewer, String proposalId) {
    return visible(viewer, proposalId);
  }

  @Override
  public Flux<Proposal> list(Viewer viewer, ListQuery q) {
    int limit = Math.max(1, Math.min(q.limit() <= 0 ? 20 : q.limit(), MAX_PAGE));
    String organisation = viewer.applicant() ? viewer.organisationCode() : q.organisationCode();
    if (viewer.applicant() && (organisation == null
        || q.organisationCode() != null && !q.organisationCode().equals(organisation))) {
      return Flux.empty();
    }
    return proposals.list(new Proposals.Filter(organisation, q.programId(), q.status(), q.afterId(), limit));
  }

  // ---------------------------------------------------------------- managers

  @Override
  public Mono<Proposal> screen(Viewer manager, String proposalId, ExpectedVersion expectedVersion) {
    return change(manager, proposalId, expectedVersion, p -> Mono.just(p.screen()));
  }

  @Override
  public Mono<Proposal> sendToReview(Viewer manager, String proposalId, ExpectedVersion expectedVersion) {
    return change(manager, proposalId, expectedVersion,
        p -> program(p.programId()).map(program -> p.sendToReview(program, clock.instant())));
  }

  @Override
  public Mono<Proposal> reject(RejectCommand c) {
    return change(c.manager(), c.proposalId(), c.expectedVersion(),
        p -> Mono.just(p.reject(c.reason(), c.manager().subject(), clock.instant())));
  }

  /**
   * Checks the award, reserves the amount on the program's budget in one conditional update (two
   * racing awards can never both pass), then records the award with its event. If the proposal
   * changed meanwhile, a reservation made here is given back.
   */
  @Override
  public Mono<Proposal> award(AwardCommand c) {
    return Mono.defer(() -> visible(c.manager(), c.proposalId()).flatMap(p -> {
          requireVersion(p, c.expectedVersion());
          Instant now = clock.instant();
          return program(p.programId()).flatMap(program -> challenge(p.challengeId()).flatMap(challenge ->
              holdsOf(p).flatMap(found -> {
                p.requireAwardable(c.amountFen(), program, challenge.orElse(null), found, now);
                return reviewOrder(program, p, c.outOfRankOrderReason());
              }).flatMap(checked -> {
                String reason = checked.orElse(null);
                long budget = program.terms().budgetFen();
                return programs.reserve(p.programId(), budget, p.id(), c.amountFen(), now).flatMap(reservation -> {
                  if (reservation == Programs.Reservation.INSUFFICIENT_BUDGET) {
                    return Mono.error(IntakeRefusal.rule("budget-exhausted", "Program budget exhausted",
                        "an award of " + c.amountFen() + " fen would take program " + p.programId()
                            + " over its budget of " + budget + " fen",
                        Map.of("awardedAmountFen", c.amountFen(), "budgetFen", budget)));
                  }
                  Change<Proposal, IntakeEvent> award = p.award(c.amountFen(), program,
                      c.manager().subject(), now, noticePeriod, reason);
                  Mono<Proposal> write = proposals.save(award.next(), award.events());
                  if (reservation != Programs.Reservation.RESERVED) {
                    return write; // a retry: the reservation's own request, or the reconciler, settles it
                  }
                  Programs.PendingReservation mine =
                      new Programs.PendingReservation(p.programId(), p.id(), c.amountFen(), now);
                  return write
                      .onErrorResume(e -> settleAfterFailedWrite(mine).then(Mono.error(e)))
                      .flatMap(awarded -> programs.confirm(mine).onErrorReturn(false).thenReturn(awarded));
                });
              })));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  // ---------------------------------------------------------------- helpers

  /**
   * 立项评审: a program that requires review awards only reviewed proposals, in rank order or with a written reason;
   * the reason to record (out of order) or empty. Checked before the budget is reserved.
   */
  private Mono<Optional<String>> reviewOrder(Program program, Proposal p, String reason) {
    if (!program.terms().reviewRequired()) {
      return Mono.just(Optional.empty());
    }
    return reviews.find(p.id()).map(Optional::of).defaultIfEmpty(Optional.empty())
        .zipWith(ReviewService.rankingOf(p.programId(), reviews, proposals))
        .map(t -> Optional.ofNullable(ReviewRanking.requireInOrderOrReason(program, p, t.getT1().orElse(null),
            t.getT2(), reason)));
  }

  /**
   * This request's award write failed after it reserved. A concurrent request for the same proposal may have
   * written the award on this very reservation (it found it reserved and went on): then the reservation stays.
   * Only when no award stands is the budget given back; if even that fails, the reconciler settles it later.
   */
  private Mono<Void> settleAfterFailedWrite(Programs.PendingReservation mine) {
    return settlement.settle(mine).onErrorResume(ignored -> Mono.empty()).then();
  }

  private Mono<Proposal> change(Viewer viewer, String proposalId,
      Function<Proposal, Mono<Change<Proposal, IntakeEvent>>> command) {
    return change(viewer, proposalId, ExpectedVersion.any(), command);
  }

  private Mono<Proposal> change(Viewer viewer, String proposalId, ExpectedVersion expectedVersion,
      Function<Proposal, Mono<Change<Proposal, IntakeEvent>>> command) {
    return Mono.defer(() -> visible(viewer, proposalId).flatMap(current -> {
          requireVersion(current, expectedVersion);
          return command.apply(current)
              .flatMap(change -> proposals.save(change.next(), change.events()));
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  private static void requireVersion(Proposal current, ExpectedVersion expectedVersion) {
    if (!expectedVersion.matches(current.version())) {
      throw IntakeRefusal.versionMismatch("Proposal", current.id(), expectedVersion, current.version());
    }
  }

  /** The proposal if the viewer may see it; another organisation's proposal does not exist for an applicant. */
  private Mono<Proposal> visible(Viewer viewer, String proposalId) {
    return proposals.find(proposalId)
        .filter(v -> viewer.sees(v.organisationCode()))
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Proposal", proposalId)));
  }

  private Mono<Program> program(String programId) {
    return programs.find(programId).switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Program", programId)));
  }

  private Mono<Optional<Challenge>> challenge(String challengeId) {
    if (challengeId == null) {
      return Mono.just(Optional.empty());
    }
    return challenges.find(challengeId).map(Optional::of)
        .switchIfEmpty(Mono.error(() -> IntakeRefusal.notFound("Challenge", challengeId)));
  }

  private Mono<List<Hold>> holdsOf(Proposal p) {
    String pi = p.content().principalInvestigator() == null ? null : p.content().principalInvestigator().personIdHash();
    return holds.concerning(p.organisationCode(), pi).collectList();
  }

  private static void requireApplicant(Viewer viewer) {
    if (!viewer.applicant() || viewer.organisationCode() == null) {
      throw IntakeRefusal.forbidden("only an applicant bound to an organisation (org_code claim) can draft proposals");
    }
    CodeRules.requireOrganisationCode(viewer.organisationCode(), "organisationCode");
  }

  private ProposalContent content(DraftContent d) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), CallWindow.ZONE);
    TeamMember pi = d.principalInvestigator() == null ? null
        : person(d.principalInvestigator(), "principalInvestigator", today, "PRINCIPAL_INVESTIGATOR");
    List<TeamMember> team = new ArrayList<>();
    if (d.team() != null) {
      for (int i = 0; i < d.team().size(); i++) {
        team.add(person(d.team().get(i), "team[" + i + "]", today, "MEMBER"));
      }
    }
    return new ProposalContent(d.title(), d.abstractText(), d.keywords(), d.requestedAmountFen(), d.budgetLines(), pi,
        team, d.attachments(), d.projectStartDate(), d.projectEndDate(), d.milestones());
  }

  private TeamMember person(PersonInput in, String field, LocalDate today, String defaultRole) {
    CodeRules.requireNationalId(in.nationalId(), field + ".nationalId", today);
    String role = in.role() == null || in.role().isBlank() ? defaultRole : in.role();
    return new TeamMember(personIds.hash(in.nationalId()), personIds.mask(in.nationalId()), in.name(),
        in.organisationCode(), role);
  }
}
