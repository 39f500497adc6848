package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fundflow.platform.domain.Change;

/**
 * 立项评审 (issue 17 point 1, docs/adr/0007): the expert review of one proposal before award, opened when
 * project-intake publishes the screened proposal with its program's rubric. A program manager forms the panel (the
 * milestone panels' {@link Panel}: at least 3 experts, an odd number, none in conflict with the applicant or its team
 * — 回避); each expert declares no conflict before it sees and scores the proposal, or declares one and leaves (the
 * manager fills the seat); each scores every criterion from 0 to its weight; no one sees another's scores before the
 * panel is complete. The last score of a complete panel computes the {@link ReviewScore} (highest and lowest dropped
 * with 5 or more) and publishes it; the review is then closed.
 *
 * @param id the proposal id (one review per proposal)
 * @param version the stored version (0 for a new one)
 */
public record ProposalReview(String id, String programId, String programKind, String challengeId,
    String organisationCode, String organisationName, String title, String abstractText, long requestedAmountFen,
    List<String> teamOrganisationCodes, List<String> teamPersonIdHashes, List<RubricCriterion> rubric, int panelSize,
    List<PanelSeat> panel, List<Recusal> recusals, ReviewScore result, Instant screenedAt, long version) {

  /** Where a review stands. */
  public enum Status { AWAITING_PANEL, IN_REVIEW, REVIEWED }

  /** What happened to a review, in the past tense. */
  public sealed interface ReviewEvent {
    /** The panel is complete: the proposal's score and how it was computed. */
    record ProposalReviewed(ProposalReview review) implements ReviewEvent {}

    /** Issue 16: experts were put on the panel (formed, or a recused expert's seat filled); each is told. */
    record ExpertsAssigned(ProposalReview review, List<String> expertIds, Instant assignedAt) implements ReviewEvent {
      public ExpertsAssigned {
        expertIds = List.copyOf(expertIds);
      }
    }

    /** An expert declared a conflict of interest (回避) and left: the program manager is told to fill the seat. */
    record ExpertRecused(ProposalReview review, String expertId, String reason, Instant declaredAt)
        implements ReviewEvent {}
  }

  public static final int MAX_COMMENTS = 4000;

  public ProposalReview {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(organisationCode, "organisationCode");
    teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : List.copyOf(teamOrganisationCodes);
    teamPersonIdHashes = teamPersonIdHashes == null ? List.of() : List.copyOf(teamPersonIdHashes);
    rubric = rubric == null ? List.of() : List.copyOf(rubric);
    panel = panel == null ? List.of() : List.copyOf(panel);
    recusals = recusals == null ? List.of() : List.copyOf(recusals);
  }

  /** A review opened from the screened proposal; its rubric must be 1-10 named criteria weighing exactly 100. */
  public static ProposalReview open(String proposalId, String programId, String programKind, String challengeId,
      String organisationCode, String organisationName, String title, String abstractText, long requestedAmountFen,
      List<String> teamOrganisationCodes, List<String> teamPersonIdHashes, List<RubricCriterion> rubric,
      Instant screenedAt) {
    if (rubric == null || rubric.isEmpty() || rubric.size() > 10) {
      throw DomainRuleException.rule("invalid-rubric", "a rubric has 1 to 10 criteria");
    }
    Set<String> names = new HashSet<>();
    int sum = 0;
    for (RubricCriterion c : rubric) {
      if (c.name() == null || c.name().isBlank() || !names.add(c.name()) || c.weight() < 1 || c.weight() > 100) {
        throw DomainRuleException.rule("invalid-rubric", "every criterion needs its own name and a weight of 1 to 100");
      }
      sum += c.weight();
    }
    if (sum != 100) {
      throw DomainRuleException.rule("invalid-rubric", "the rubric's weights add up to " + sum + ", not 100");
    }
    return new ProposalReview(proposalId, programId, programKind, challengeId, organisationCode, organisationName,
        title, abstractText, requestedAmountFen, teamOrganisationCodes, teamPersonIdHashes, rubric, 0, List.of(),
        List.of(), null, screenedAt, 0);
  }

  public Status status() {
    return result != null ? Status.REVIEWED : panelSize == 0 ? Status.AWAITING_PANEL : Status.IN_REVIEW;
  }

  public boolean isReviewed() {
    return result != null;
  }

  /** The panel's parts as one value, with the panel's rules. */
  Panel currentPanel() {
    return new Panel(id, panelSize, panel, recusals);
  }

  /** The experts in the panel's seats, in seat order (not those who left by a recusal). */
  public List<String> expertIds() {
    return currentPanel().expertIds();
  }

  public java.util.Optional<PanelSeat> seatOf(String expertId) {
    return currentPanel().seatOf(expertId);
  }

  private java.util.Optional<String> conflictOf(ExpertProfile expert) {
    return expert.conflictWith(List.of(id), organisationCode, teamOrganisationCodes, teamPersonIdHashes);
  }

  /** A program manager forms the panel: at least 3 experts, an odd number, none in conflict (回避). */
  public Change<ProposalReview, ReviewEvent> formPanel(List<ExpertProfile> experts, Instant now) {
    if (panelSize > 0) {
      throw DomainRuleException.illegal("panel-exists", "the review of proposal " + id + " has its panel already");
    }
    ProposalReview formed = with(currentPanel().formed(experts, this::conflictOf, now), null);
    return Change.of(formed, new ReviewEvent.ExpertsAssigned(formed, formed.expertIds(), now));
  }

  /** A program manager fills the seat an expert left by declaring a conflict. */
  public Change<ProposalReview, ReviewEvent> addExpert(ExpertProfile expert, Instant now) {
    requireOpen();
    if (panelSize == 0) {
      throw DomainRuleException.illegal("panel-not-open", "the review of proposal " + id + " has no panel yet");
    }
    ProposalReview filled = with(currentPanel().withExpert(expert, this::conflictOf, now), null);
    return Change.of(filled, new ReviewEvent.ExpertsAssigned(filled, List.of(expert.id()), now));
  }

  /** An assigned expert's 回避声明: no conflict (it may now see and score the proposal), or a conflict (it leaves). */
  public Change<ProposalReview, ReviewEvent> declare(String expertId, boolean conflict, String reason, Instant now) {
    Panel current = currentPanel();
    current.seatOfAssigned(expertId);
    requireOpen();
    if (!conflict) {
      return Change.quiet(with(current.declaredNoConflict(expertId, now), null));
    }
    Panel after = current.recused(expertId, reason, now);
    ProposalReview next = with(after, null);
    Recusal recusal = after.recusals().get(after.recusals().size() - 1);
    return Change.of(next, new ReviewEvent.ExpertRecused(next, expertId, recusal.reason(), now));
  }

  /**
   * An assigned expert who declared no conflict scores every criterion of the rubric (0 to its weight, in the
   * rubric's order) or corrects its score until the panel is complete; the last score computes the review score.
   */
  public Change<ProposalReview, ReviewEvent> evaluate(String expertId, List<Integer> criterionScores, String comments,
      int dropExtremesFrom, Instant now) {
    currentPanel().seatOfAssigned(expertId);
    requireOpen();
    if (criterionScores == null || criterionScores.size() != rubric.size()) {
      throw DomainRuleException.rule("score-out-of-range", "score each of the rubric's " + rubric.size()
          + " criteria, in its order");
    }
    for (int i = 0; i < rubric.size(); i++) {
      Integer score = criterionScores.get(i);
      RubricCriterion c = rubric.get(i);
      if (score == null || score < 0 || score > c.weight()) {
        throw DomainRuleException.rule("score-out-of-range", c.name() + " must be between 0 and " + c.weight()
            + ", was " + score);
      }
    }
    if (comments != null && comments.length() > MAX_COMMENTS) {
      throw DomainRuleException.rule("score-out-of-range", "comments have at most " + MAX_COMMENTS + " characters");
    }
    Panel next = currentPanel().evaluated(expertId, new Evaluation(null, null, comments, now, criterionScores));
    if (!next.complete()) {
      return Change.quiet(with(next, null));
    }
    ProposalReview reviewed = with(next, ReviewScore.of(next.totals(), rubric, dropExtremesFrom, now));
    return Change.of(reviewed, new ReviewEvent.ProposalReviewed(reviewed));
  }

  /**
   * The review as the actor may see it: staff always; an assigned expert once it declared no conflict (403
   * {@code declaration-required} before); anyone else, and an expert who declared a conflict, 404.
   */
  public ProposalReview visibleTo(Actor actor) {
    if (actor.seesAll()) {
      return this;
    }
    if (actor.is(Actor.EXPERT)) {
      PanelSeat seat = seatOf(actor.id()).orElseThrow(() -> DomainRuleException.notVisible("proposal review", id));
      if (!seat.hasDeclared()) {
        throw DomainRuleException.notAllowed("declaration-required",
            "declare that you have no conflict of interest (回避声明) before seeing proposal " + id);
      }
      return this;
    }
    throw DomainRuleException.notVisible("proposal review", id);
  }

  private void requireOpen() {
    if (isReviewed()) {
      throw DomainRuleException.illegal("panel-closed", "the review of proposal " + id + " is complete");
    }
  }

  private ProposalReview with(Panel p, ReviewScore score) {
    return new ProposalReview(id, programId, programKind, challengeId, organisationCode, organisationName, title,
        abstractText, requestedAmountFen, teamOrganisationCodes, teamPersonIdHashes, rubric, p.size(), p.seats(),
        p.recusals(), score, screenedAt, version);
  }
}
