package org.fundflow.milestone.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.AddReviewExpertCommand;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.FormReviewPanelCommand;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.ReviewDeclarationCommand;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.ScoreProposalCommand;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Evaluation;
import org.fundflow.milestone.domain.PanelSeat;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.RubricCriterion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 立项评审 (issue 17 point 1, docs/adr/0007): expert review panels of proposals before award. The same panel rules
 * as milestone reports: at least 3 experts and an odd number, none in conflict (回避), declaration before seeing and
 * scoring, no one sees another's scores before the panel is complete.
 */
@RestController
@Tag(name = "proposal-reviews", description = "立项评审: expert review of proposals before award")
public class ProposalReviewController {

  private final ProposalReviewUseCase reviews;
  private final StoreGuard store;

  public ProposalReviewController(ProposalReviewUseCase reviews, StoreGuard store) {
    this.reviews = reviews;
    this.store = store;
  }

  /** One score per rubric criterion (0 to its weight), in the rubric's order. */
  public record ScoreBody(@NotNull @Size(min = 1, max = 10) List<@NotNull @Min(0) @Max(100) Integer> criterionScores,
      @Size(max = ProposalReview.MAX_COMMENTS) String comments) {}

  public record ExpertIdBody(@NotBlank @Size(max = 128) String expertId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReviewEvaluationView(List<Integer> criterionScores, int total, String comments, Instant submittedAt) {
    static ReviewEvaluationView of(Evaluation e) {
      return e == null ? null : new ReviewEvaluationView(e.rubricScores(), e.total(), e.comments(), e.submittedAt());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReviewSeatView(String expertId, String expertOrganisationCode, boolean declaredNoConflict,
      boolean scored, ReviewEvaluationView evaluation) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReviewResultView(String score, List<Integer> totalsUsed, List<Integer> totalsDropped,
      String explanation, Instant reviewedAt) {}

  /**
   * A review as the caller may see it: the whole panel's scores only once the review is complete; before that an
   * expert sees its own only; recusals for staff.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProposalReviewView(String proposalId, String programId, String programKind, String challengeId,
      String organisationCode, String organisationName, String title, String abstractText, long requestedAmountFen,
      List<RubricCriterion> rubric, String status, Integer panelSize, List<ReviewSeatView> panel,
      List<Views.RecusalView> recusedExperts, ReviewEvaluationView myEvaluation, ReviewResultView result,
      Instant screenedAt) {

    static ProposalReviewView of(ProposalReview r, Actor actor) {
      boolean done = r.isReviewed();
      boolean expertOnly = actor.is(Actor.EXPERT) && !actor.seesAll();
      List<ReviewSeatView> panel = r.panel().stream().map(s -> seat(s, done)).toList();
      ReviewEvaluationView mine = null;
      if (expertOnly) {
        mine = r.seatOf(actor.id()).map(PanelSeat::evaluation).map(ReviewEvaluationView::of).orElse(null);
        if (!done) {
          panel = null;
        }
      }
      List<Views.RecusalView> recused = actor.seesAll()
          ? r.recusals().stream().map(x -> new Views.RecusalView(x.expertId(), x.reason(), x.declaredAt())).toList()
          : null;
      ReviewResultView result = done ? new ReviewResultView(r.result().score(), r.result().totalsUsed(),
          r.result().totalsDropped(), r.result().explanation(), r.result().reviewedAt()) : null;
      return new ProposalReviewView(r.id(), r.programId(), r.programKind(), r.challengeId(), r.organisationCode(),
          r.organisationName(), r.title(), r.abstractText(), r.requestedAmountFen(), r.rubric(), r.status().name(),
          r.panelSize() == 0 ? null : r.panelSize(), panel, recused, mine, result, r.screenedAt());
    }

    private static ReviewSeatView seat(PanelSeat s, boolean done) {
      return new ReviewSeatView(s.expertId(), s.expertOrganisationCode(), s.hasDeclared(), s.hasScored(),
          done ? ReviewEvaluationView.of(s.evaluation()) : null);
    }
  }

  /** An expert's review assignment (its inbox): enough to find it, nothing of the proposal before the declaration. */
  public record ReviewAssignmentView(String proposalId, String programId, String title, String status,
      boolean declaredNoConflict, boolean scored) {}

  @GetMapping("/proposal-reviews")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "Proposal reviews (of one program with programId), newest first")
  public Flux<ProposalReviewView> list(@RequestParam(required = false) @Size(max = 128) String programId,
      @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(reviews.reviews(actor, programId)).map(r -> ProposalReviewView.of(r, actor));
  }

  @GetMapping("/review-assignments")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "The proposal reviews the calling expert has a seat on (its review inbox)")
  public Flux<ReviewAssignmentView> assignments(@Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(reviews.assignments(actor)).map(r -> {
      PanelSeat seat = r.seatOf(actor.id()).orElseThrow();
      return new ReviewAssignmentView(r.id(), r.programId(), r.title(), r.status().name(), seat.hasDeclared(),
          seat.hasScored());
    });
  }

  @GetMapping("/proposal-reviews/{proposalId}")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR','EXPERT')")
  @Operation(summary = "A proposal review: experts must be on the panel and have declared no conflict")
  public Mono<ProposalReviewView> get(@PathVariable String proposalId, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(reviews.review(actor, proposalId)).map(r -> ProposalReviewView.of(r, actor));
  }

  @PostMapping("/proposal-reviews/{proposalId}/panel")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Form the review panel: at least 3 experts, an odd number, none in conflict (回避)")
  public Mono<ProposalReviewView> formPanel(@PathVariable String proposalId,
      @Valid @RequestBody Requests.FormPanel body, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(Mono.defer(() -> reviews.formPanel(new FormReviewPanelCommand(actor, proposalId,
        body.expertIds())))).map(r -> ProposalReviewView.of(r, actor));
  }

  @PostMapping("/proposal-reviews/{proposalId}/panel/experts")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Fill the seat of an expert who declared a conflict of interest")
  public Mono<ProposalReviewView> addExpert(@PathVariable String proposalId,
      @Valid @RequestBody Requests.AddExpert body, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(Mono.defer(() -> reviews.addExpert(new AddReviewExpertCommand(actor, proposalId,
        body.expertId())))).map(r -> ProposalReviewView.of(r, actor));
  }

  @PostMapping("/proposal-reviews/{proposalId}/declaration")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "回避声明: declare no conflict of interest (then see and score), or a conflict (then leave: 204)")
  public Mono<ResponseEntity<ProposalReviewView>> declare(@PathVariable String proposalId,
      @Valid @RequestBody Requests.Declaration body, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(Mono.defer(() -> reviews.declare(new ReviewDeclarationCommand(actor, proposalId,
            body.conflict(), body.reason()))))
        .map(r -> ResponseEntity.ok(ProposalReviewView.of(r, actor)))
        .defaultIfEmpty(ResponseEntity.noContent().build());
  }

  @PutMapping("/proposal-reviews/{proposalId}/evaluation")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "Score the proposal on the program's rubric (a correction replaces your own score until the "
      + "panel is complete; the last score publishes proposal-reviewed)")
  public Mono<ProposalReviewView> score(@PathVariable String proposalId, @Valid @RequestBody ScoreBody body,
      @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(Mono.defer(() -> reviews.score(new ScoreProposalCommand(actor, proposalId,
        body.criterionScores(), body.comments())))).map(r -> ProposalReviewView.of(r, actor));
  }
}
