package org.fundflow.milestone.application.service;

import java.time.Clock;
import java.util.function.Function;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase;
import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.milestone.application.port.out.ProposalReviews;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 立项评审: proposal review panels, declarations, scores; the last score of a complete panel publishes the result. */
public final class ProposalReviewService implements ProposalReviewUseCase {

  private final ProposalReviews reviews;
  private final ExpertProfiles experts;
  private final int dropExtremesFrom;
  private final Clock clock;

  public ProposalReviewService(ProposalReviews reviews, ExpertProfiles experts, int dropExtremesFrom, Clock clock) {
    this.reviews = reviews;
    this.experts = experts;
    this.dropExtremesFrom = dropExtremesFrom;
    this.clock = clock;
  }

  @Override
  public Mono<Boolean> open(OpenReviewCommand c) {
    return Mono.defer(() -> reviews.create(ProposalReview.open(c.proposalId(), c.programId(), c.programKind(),
        c.challengeId(), c.organisationCode(), c.organisationName(), c.title(), c.abstractText(),
        c.requestedAmountFen(), c.teamOrganisationCodes(), c.teamPersonIdHashes(), c.rubric(), c.screenedAt()),
        c.eventId()));
  }

  @Override
  public Mono<ProposalReview> formPanel(FormReviewPanelCommand c) {
    requireRole(c.manager(), Actor.PROGRAM_MANAGER);
    return Flux.fromIterable(c.expertIds())
        .concatMap(this::expert)
        .collectList()
        .flatMap(profiles -> change(c.proposalId(), r -> r.formPanel(profiles, clock.instant())));
  }

  @Override
  public Mono<ProposalReview> addExpert(AddReviewExpertCommand c) {
    requireRole(c.manager(), Actor.PROGRAM_MANAGER);
    return expert(c.expertId()).flatMap(profile -> change(c.proposalId(), r -> r.addExpert(profile, clock.instant())));
  }

  @Override
  public Mono<ProposalReview> declare(ReviewDeclarationCommand c) {
    requireRole(c.expert(), Actor.EXPERT);
    return change(c.proposalId(), r -> r.declare(c.expert().id(), c.conflict(), c.reason(), clock.instant()))
        .filter(r -> r.seatOf(c.expert().id()).isPresent());
  }

  @Override
  public Mono<ProposalReview> score(ScoreProposalCommand c) {
    requireRole(c.expert(), Actor.EXPERT);
    return change(c.proposalId(), r -> r.evaluate(c.expert().id(), c.criterionScores(), c.comments(),
        dropExtremesFrom, clock.instant()));
  }

  @Override
  public Mono<ProposalReview> review(Actor actor, String proposalId) {
    return find(proposalId).map(r -> r.visibleTo(actor));
  }

  @Override
  public Flux<ProposalReview> reviews(Actor actor, String programId) {
    if (!actor.seesAll()) {
      return Flux.error(DomainRuleException.notAllowed("forbidden", "only program managers and auditors list reviews"));
    }
    return reviews.list(programId);
  }

  @Override
  public Flux<ProposalReview> assignments(Actor expert) {
    return reviews.assignedTo(expert.id());
  }

  private Mono<ExpertProfile> expert(String id) {
    return experts.find(id).switchIfEmpty(Mono.error(() -> DomainRuleException.rule("unknown-expert",
        "no expert profile " + id + ": register it first")));
  }

  private Mono<ProposalReview> find(String proposalId) {
    return reviews.find(proposalId)
        .switchIfEmpty(Mono.error(() -> DomainRuleException.notVisible("proposal review", proposalId)));
  }

  /** Load, decide, store the next state + its events in one write; decide again on a concurrent change. */
  private Mono<ProposalReview> change(String proposalId,
      Function<ProposalReview, Change<ProposalReview, ReviewEvent>> command) {
    return Mono.defer(() -> find(proposalId).flatMap(review -> {
          Change<ProposalReview, ReviewEvent> change = command.apply(review);
          return reviews.save(change.next(), change.events()).thenReturn(change.next());
        }))
        .retryWhen(ConcurrentChanges.retry());
  }

  private static void requireRole(Actor actor, String role) {
    if (!actor.is(role)) {
      throw DomainRuleException.notAllowed("forbidden", "only " + role + " may do this");
    }
  }
}
