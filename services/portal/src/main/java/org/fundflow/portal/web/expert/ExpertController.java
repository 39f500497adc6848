package org.fundflow.portal.web.expert;

import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.ExpertClient;
import org.fundflow.portal.client.ExpertClient.Assignment;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.web.manager.FormErrors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An expert's pages (issue 16 point 1): the inbox of its assignments; on a report, first the 回避 declaration (nothing
 * of the report is fetched before the expert declared no conflict: milestone-review would refuse it anyway); then the
 * report with its evidence files (streamed through with the expert's token), and the rubric form with a live total
 * (static/js/rubric.js) and one comment per criterion; corrections until the panel closes; after the decision, the
 * decision with its explanation and the panel's scores, as milestone-review shows them. Every rule (ranges, who may
 * see what, until when) is milestone-review's; its refusals are shown next to the field or above the form.
 */
@Controller
@RequestMapping("/expert")
public class ExpertController {

  /** Assignments per page of the inbox. */
  static final int PAGE_SIZE = 20;

  /** The service's fields of an evaluation → the form's fields. */
  static final Map<String, String> FIELDS = Map.of("deliverables", "deliverables", "technicalQuality",
      "technicalQuality", "budgetExecution", "budgetExecution", "management", "management", "recommendation",
      "recommendation", "comments", "comments");

  private final ExpertClient experts;
  private final ProblemMessages problems;

  public ExpertController(ExpertClient experts, ProblemMessages problems) {
    this.experts = experts;
    this.problems = problems;
  }

  /** One page of the inbox, as milestone-review pages it (nothing loaded whole). */
  @GetMapping
  Mono<Rendering> inbox(@RequestParam(required = false) String left, @RequestParam(required = false) String after) {
    // 立项评审: the proposal reviews the expert sits on, listed on the inbox's first page (milestone-review answers
    // them as one list); a milestone-review without proposal reviews (older) answers 404: none then
    Mono<List<ExpertClient.ReviewAssignment>> reviewAssignments = after != null && !after.isBlank()
        ? Mono.just(List.of())
        : experts.reviewAssignments()
            .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.just(List.of()) : Mono.error(e));
    return experts.assignments(after, PAGE_SIZE).zipWith(reviewAssignments).map(t -> {
      List<ExpertClient.ReviewAssignment> reviews = t.getT2();
      return Rendering.view("expert/assignments")
          .modelAttribute("assignments", t.getT1().items()).modelAttribute("nextCursor", t.getT1().nextCursor())
          .modelAttribute("after", after)
          .modelAttribute("firstPage", after == null || after.isBlank())
          .modelAttribute("reviewsOpen", reviews.stream().filter(r -> !"REVIEWED".equals(r.status())).toList())
          .modelAttribute("reviewsDone", reviews.stream().filter(r -> "REVIEWED".equals(r.status())).toList())
          .modelAttribute("left", left != null).build();
    });
  }

  // ------------------------------------------------------------ 立项评审: proposal reviews before award

  @GetMapping("/proposal-reviews/{proposalId}")
  Mono<Rendering> proposalReview(@PathVariable String proposalId, @RequestParam(required = false) String saved) {
    return reviewAssignment(proposalId).flatMap(a -> a.declaredNoConflict()
        ? reviewPage(a, null, FormErrors.none(), HttpStatus.OK, saved != null)
        : Mono.just(reviewDeclarationPage(a, FormErrors.none(), HttpStatus.OK)));
  }

  @PostMapping("/proposal-reviews/{proposalId}/declaration")
  Mono<Rendering> declareOnReview(@PathVariable String proposalId, @ModelAttribute DeclarationForm form) {
    if (form.conflict() == null) {
      return reviewAssignment(proposalId).map(a -> reviewDeclarationPage(a,
          new FormErrors(Map.of("conflict", "expert.invalid.conflict"), "problem.validation"), HttpStatus.BAD_REQUEST));
    }
    boolean conflict = form.conflict();
    return experts.declareOnReview(proposalId, conflict, form.reason())
        .then(Mono.fromSupplier(() -> conflict ? Rendering.redirectTo("/expert?left=" + proposalId).build()
            : Rendering.redirectTo("/expert/proposal-reviews/" + proposalId).build()))
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : reviewAssignment(proposalId).map(a -> reviewDeclarationPage(a,
                FormErrors.of(e, problems, Map.of()), HttpStatus.valueOf(e.status()))));
  }

  @PostMapping("/proposal-reviews/{proposalId}/evaluation")
  Mono<Rendering> scoreProposal(@PathVariable String proposalId, @ModelAttribute ProposalScoreForm form) {
    Map<String, String> unreadable = form.unreadable();
    if (!unreadable.isEmpty()) {
      return reviewAssignment(proposalId).flatMap(a -> reviewPage(a, form,
          new FormErrors(unreadable, "problem.validation"), HttpStatus.BAD_REQUEST, false));
    }
    return experts.scoreProposal(proposalId, form.scores(), form.comments())
        .map(r -> Rendering.redirectTo("/expert/proposal-reviews/" + proposalId + "?saved=1").build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : reviewAssignment(proposalId).flatMap(a -> reviewPage(a, form, FormErrors.of(e, problems, Map.of()),
                HttpStatus.valueOf(e.status()), false)));
  }

  private Mono<ExpertClient.ReviewAssignment> reviewAssignment(String proposalId) {
    return experts.reviewAssignments().flatMap(list -> Mono.justOrEmpty(list.stream()
            .filter(a -> a.proposalId().equals(proposalId)).findFirst()))
        .switchIfEmpty(Mono.error(() -> new ServiceProblem(MilestoneClient.SERVICE, 404, null, null, Map.of())));
  }

  private Rendering reviewDeclarationPage(ExpertClient.ReviewAssignment a, FormErrors errors, HttpStatus status) {
    return Rendering.view("expert/proposal-declaration").modelAttribute("assignment", a)
        .modelAttribute("errors", errors).status(status).build();
  }

  private Mono<Rendering> reviewPage(ExpertClient.ReviewAssignment a, ProposalScoreForm typed, FormErrors errors,
      HttpStatus status, boolean saved) {
    return experts.proposalReview(a.proposalId()).map(r -> Rendering.view("expert/proposal-review")
        .modelAttribute("assignment", a).modelAttribute("review", r)
        .modelAttribute("form", typed != null ? typed : ProposalScoreForm.of(r))
        .modelAttribute("errors", errors).modelAttribute("saved", saved).status(status).build());
  }

  /**
   * The proposal's rubric form as typed: one score per criterion ({@code score}, in the rubric's order) and comments.
   * Only whether each is a whole number is checked here; the ranges are milestone-review's.
   */
  public record ProposalScoreForm(List<String> score, String comments) {
    public ProposalScoreForm {
      score = score == null ? List.of() : score;
    }

    static ProposalScoreForm of(ExpertClient.ProposalReview r) {
      List<String> typed = new java.util.ArrayList<>();
      for (int i = 0; i < r.rubric().size(); i++) {
        typed.add(r.myEvaluation() == null || r.myEvaluation().criterionScores() == null
            || i >= r.myEvaluation().criterionScores().size() ? ""
            : String.valueOf(r.myEvaluation().criterionScores().get(i)));
      }
      return new ProposalScoreForm(typed, r.myEvaluation() == null ? "" : r.myEvaluation().comments());
    }

    public String scoreAt(int i) {
      return i < score.size() ? score.get(i) : "";
    }

    Map<String, String> unreadable() {
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      for (int i = 0; i < score.size(); i++) {
        String s = score.get(i) == null ? "" : score.get(i).strip();
        if (!s.matches("\\d{1,3}")) {
          errors.put("score-" + i, "expert.invalid.criterionScore");
        }
      }
      return errors;
    }

    List<Integer> scores() {
      return score.stream().map(s -> Integer.parseInt(s.strip())).toList();
    }
  }

  @GetMapping("/projects/{projectId}/reports/{reportId}")
  Mono<Rendering> report(@PathVariable String projectId, @PathVariable String reportId,
      @RequestParam(required = false) String saved) {
    return assignment(projectId, reportId).flatMap(a -> a.recused() ? Mono.just(recusedPage(a))
        : a.declaredNoConflict() ? reportPage(a, null, FormErrors.none(), HttpStatus.OK, saved != null)
        : Mono.just(declarationPage(a, FormErrors.none(), HttpStatus.OK)));
  }

  @PostMapping("/projects/{projectId}/reports/{reportId}/declaration")
  Mono<Rendering> declare(@PathVariable String projectId, @PathVariable String reportId,
      @ModelAttribute DeclarationForm form) {
    if (form.conflict() == null) {
      return assignment(projectId, reportId).map(a -> a.recused() ? recusedPage(a) : declarationPage(a,
          new FormErrors(Map.of("conflict", "expert.invalid.conflict"), "problem.validation"), HttpStatus.BAD_REQUEST));
    }
    boolean conflict = form.conflict();
    return experts.declare(projectId, reportId, conflict, form.reason())
        .then(Mono.fromSupplier(() -> conflict ? Rendering.redirectTo("/expert?left=" + reportId).build()
            : Rendering.redirectTo("/expert/projects/" + projectId + "/reports/" + reportId).build()))
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : assignment(projectId, reportId).map(a -> declarationPage(a,
                FormErrors.of(e, problems, Map.of()), HttpStatus.valueOf(e.status()))));
  }

  @PostMapping("/projects/{projectId}/reports/{reportId}/evaluation")
  Mono<Rendering> evaluate(@PathVariable String projectId, @PathVariable String reportId,
      @ModelAttribute ScoreForm form) {
    Map<String, String> unreadable = form.unreadable();
    if (!unreadable.isEmpty()) {
      return assignment(projectId, reportId).flatMap(a -> reportPage(a, form,
          new FormErrors(unreadable, "problem.validation"), HttpStatus.BAD_REQUEST, false));
    }
    return experts.evaluate(projectId, reportId, form.request())
        .map(r -> Rendering.redirectTo("/expert/projects/" + projectId + "/reports/" + reportId + "?saved=1").build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : assignment(projectId, reportId).flatMap(a -> reportPage(a, form, errors(e), HttpStatus.valueOf(e.status()),
                false)));
  }

  /** An evidence file of the report, streamed through: the service's status, type, Content-Disposition, length, ETag and ranges. */
  @GetMapping("/projects/{projectId}/reports/{reportId}/evidence/{fileId}")
  Mono<ResponseEntity<Flux<DataBuffer>>> evidence(@PathVariable String projectId, @PathVariable String reportId,
      @PathVariable String fileId, ServerWebExchange exchange) {
    return experts.evidence(projectId, reportId, fileId, exchange.getRequest().getHeaders());
  }

  private FormErrors errors(ServiceProblem e) {
    return FormErrors.of(e, problems, FIELDS, "expert.invalid.");
  }

  /** The expert's assignment on the report as milestone-review answers it (404: never on its panel). */
  private Mono<Assignment> assignment(String projectId, String reportId) {
    return experts.assignment(projectId, reportId);
  }

  /** A report the expert left by declaring a conflict (an old link, a bookmark): said plainly, nothing of it shown. */
  private Rendering recusedPage(Assignment a) {
    return Rendering.view("expert/recused").modelAttribute("assignment", a).status(HttpStatus.OK).build();
  }

  private Rendering declarationPage(Assignment a, FormErrors errors, HttpStatus status) {
    return Rendering.view("expert/declaration").modelAttribute("assignment", a).modelAttribute("errors", errors)
        .status(status).build();
  }

  private Mono<Rendering> reportPage(Assignment a, ScoreForm typed, FormErrors errors, HttpStatus status,
      boolean saved) {
    return experts.report(a.projectId(), a.reportId()).map(r -> Rendering.view("expert/report")
        .modelAttribute("assignment", a).modelAttribute("report", r)
        .modelAttribute("form", typed != null ? typed : ScoreForm.of(r.myEvaluation()))
        .modelAttribute("criteria", ScoreForm.CRITERIA).modelAttribute("errors", errors)
        .modelAttribute("saved", saved).status(status).build());
  }

  /** The 回避 form: {@code conflict} true or false (a radio, none picked at first), a reason for a conflict. */
  public record DeclarationForm(Boolean conflict, String reason) {}
}
