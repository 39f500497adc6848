package org.fundflow.milestone.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.RubricCriterion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 立项评审 (issue 17 point 1): expert review panels of proposals before award, opened by intake's
 * {@code proposal-screened}, scored on the program's rubric, published as {@code proposal-reviewed}.
 */
public interface ProposalReviewUseCase {

  /** The screened proposal as heard (with the team, for the conflict rules, and the program's rubric). */
  record OpenReviewCommand(String eventId, String proposalId, String programId, String programKind,
      String challengeId, String organisationCode, String organisationName, String title, String abstractText,
      long requestedAmountFen, List<String> teamOrganisationCodes, List<String> teamPersonIdHashes,
      List<RubricCriterion> rubric, Instant screenedAt) {
    public OpenReviewCommand {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(proposalId, "proposalId");
    }
  }

  record FormReviewPanelCommand(Actor manager, String proposalId, List<String> expertIds) {
    public FormReviewPanelCommand {
      expertIds = List.copyOf(expertIds);
    }
  }

  record AddReviewExpertCommand(Actor manager, String proposalId, String expertId) {}

  record ReviewDeclarationCommand(Actor expert, String proposalId, boolean conflict, String reason) {}

  /** {@code criterionScores}: one score per rubric criterion, in the rubric's order. */
  record ScoreProposalCommand(Actor expert, String proposalId, List<Integer> criterionScores, String comments) {}

  /** Opens the review once, however often the event arrives; true when it was new. */
  Mono<Boolean> open(OpenReviewCommand command);

  Mono<ProposalReview> formPanel(FormReviewPanelCommand command);

  Mono<ProposalReview> addExpert(AddReviewExpertCommand command);

  /** The review after the declaration; empty when the expert declared a conflict (it no longer sees it). */
  Mono<ProposalReview> declare(ReviewDeclarationCommand command);

  Mono<ProposalReview> score(ScoreProposalCommand command);

  Mono<ProposalReview> review(Actor actor, String proposalId);

  /** Staff: the reviews (of one program, or all). */
  Flux<ProposalReview> reviews(Actor actor, String programId);

  /** An expert's review assignments (its inbox): the reviews it has a seat on. */
  Flux<ProposalReview> assignments(Actor expert);
}
