package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.fundflow.milestone.adapter.in.web.Views.ProjectView;
import org.fundflow.milestone.adapter.in.web.Views.ReportView;
import org.fundflow.milestone.application.port.in.DeclareConflictUseCase;
import org.fundflow.milestone.application.port.in.DeclareConflictUseCase.DeclarationCommand;
import org.fundflow.milestone.application.port.in.EvaluateReportUseCase;
import org.fundflow.milestone.application.port.in.EvaluateReportUseCase.EvaluateCommand;
import org.fundflow.milestone.application.port.in.FormPanelUseCase;
import org.fundflow.milestone.application.port.in.FormPanelUseCase.AddExpertCommand;
import org.fundflow.milestone.application.port.in.FormPanelUseCase.FormPanelCommand;
import org.fundflow.milestone.application.port.in.QueryProjectsUseCase;
import org.fundflow.milestone.application.port.in.SubmitReportUseCase;
import org.fundflow.milestone.application.port.in.SubmitReportUseCase.SubmitReportCommand;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Evidence;
import org.fundflow.milestone.domain.ProjectCursor;
import org.fundflow.milestone.domain.Scores;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/projects")
@Tag(name = "projects", description = "Projects, milestone reports, panels, evaluations and decisions")
public class ProjectController {

  static final int MAX_PAGE = 100;


  private final QueryProjectsUseCase queries;
  private final SubmitReportUseCase submitReport;
  private final FormPanelUseCase panels;
  private final DeclareConflictUseCase declarations;
  private final EvaluateReportUseCase evaluations;
  private final StoreGuard store;

  public ProjectController(QueryProjectsUseCase queries, SubmitReportUseCase submitReport, FormPanelUseCase panels,
      DeclareConflictUseCase declarations, EvaluateReportUseCase evaluations, StoreGuard store) {
    this.queries = queries;
    this.submitReport = submitReport;
    this.panels = panels;
    this.declarations = declarations;
    this.evaluations = evaluations;
    this.store = store;
  }

  static Actor actor(Caller caller) {
    return new Actor(caller.subject(), caller.roles(), caller.organisationCode());
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR','EXPERT')")
  @Operation(summary = "Projects visible to the caller (own organisation, assigned, or all for staff), newest award "
      + "first; pass nextCursor as after for the next page",
      description = "Keyset paging as in every list: {items, nextCursor}, nextCursor null on the last page.")
  public Mono<ProjectPage> list(@Parameter(hidden = true) Caller caller,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after,
      @Parameter(description = "page size 1..100 (outside: the nearest)") @RequestParam(defaultValue = "20") int limit) {
    ProjectCursor cursor;
    try {
      cursor = after == null || after.isBlank() ? null : ProjectCursor.parse(after);
    } catch (IllegalArgumentException e) {
      return Mono.error(Problems.invalid("after", "is not a nextCursor of this list"));
    }
    Actor actor = actor(caller);
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    return store.protect(queries.projects(actor, cursor, size).collectList())
        .map(page -> new ProjectPage(page.stream().map(p -> ProjectView.of(p, actor)).toList(),
            page.size() == size ? ProjectCursor.after(page.get(page.size() - 1)).text() : null));
  }

  /** One page of projects; {@code nextCursor} is null on the last page. */
  public record ProjectPage(java.util.List<ProjectView> items, String nextCursor) {}

  @GetMapping("/{projectId}")
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR','EXPERT')")
  @Operation(summary = "A project with its milestone plan and reports")
  public Mono<ProjectView> get(@PathVariable String projectId, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(queries.project(actor, projectId)).map(p -> ProjectView.of(p, actor));
  }

  @PostMapping("/{projectId}/reports")
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Submit a report on the next due milestone (or a rectified one after CONDITIONAL)")
  public Mono<ResponseEntity<ReportView>> submit(@PathVariable String projectId,
      @Valid @RequestBody Requests.SubmitReport body, @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    Actor actor = actor(caller);
    return Mono.defer(() -> submitReport.submit(new SubmitReportCommand(actor, projectId, body.milestoneId(),
            body.deliverablesMet(), body.evidence().stream().map(e -> new Evidence(e.name(), e.sha256())).toList(),
            body.spendingToDateFen(), idempotencyKey, body.evidenceFileIds())))
        .flatMap(r -> queries.report(actor, projectId, r.id()))
        .transform(store::protect)
        .map(pr -> ResponseEntity.created(URI.create("/projects/" + projectId + "/reports/" + pr.report().id()))
            .body(ReportView.of(pr.project(), pr.report(), actor)));
  }

  @GetMapping("/{projectId}/reports/{reportId}")
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR','EXPERT')")
  @Operation(summary = "A report as the caller may see it: experts must be assigned and have declared no conflict")
  public Mono<ReportView> report(@PathVariable String projectId, @PathVariable String reportId, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(queries.report(actor, projectId, reportId))
        .map(pr -> ReportView.of(pr.project(), pr.report(), actor));
  }

  @PostMapping("/{projectId}/reports/{reportId}/panel")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Form the expert panel: at least 3 experts, an odd number, none in conflict")
  public Mono<ReportView> formPanel(@PathVariable String projectId, @PathVariable String reportId,
      @Valid @RequestBody Requests.FormPanel body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return Mono.defer(() -> panels.formPanel(new FormPanelCommand(projectId, reportId, body.expertIds())))
        .flatMap(r -> queries.report(actor, projectId, reportId))
        .transform(store::protect)
        .map(pr -> ReportView.of(pr.project(), pr.report(), actor));
  }

  @PostMapping("/{projectId}/reports/{reportId}/panel/experts")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Replace an expert who declared a conflict of interest")
  public Mono<ReportView> addExpert(@PathVariable String projectId, @PathVariable String reportId,
      @Valid @RequestBody Requests.AddExpert body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return Mono.defer(() -> panels.addExpert(new AddExpertCommand(projectId, reportId, body.expertId())))
        .flatMap(r -> queries.report(actor, projectId, reportId))
        .transform(store::protect)
        .map(pr -> ReportView.of(pr.project(), pr.report(), actor));
  }

  @PostMapping("/{projectId}/reports/{reportId}/declaration")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "回避声明: declare no conflict of interest (then see and score), or a conflict (then leave)")
  public Mono<ResponseEntity<ReportView>> declare(@PathVariable String projectId, @PathVariable String reportId,
      @Valid @RequestBody Requests.Declaration body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return Mono.defer(() -> declarations.declare(new DeclarationCommand(actor, projectId, reportId, body.conflict(),
            body.reason())))
        .flatMap(r -> queries.report(actor, projectId, reportId))
        .transform(store::protect)
        .map(pr -> ResponseEntity.ok(ReportView.of(pr.project(), pr.report(), actor)))
        .defaultIfEmpty(ResponseEntity.noContent().build());
  }

  @PutMapping("/{projectId}/reports/{reportId}/evaluation")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "Score the report (a correction replaces your own score until the panel closes)")
  public Mono<ReportView> evaluate(@PathVariable String projectId, @PathVariable String reportId,
      @Valid @RequestBody Requests.Evaluation body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return Mono.defer(() -> evaluations.evaluate(new EvaluateCommand(actor, projectId, reportId,
            new Scores(body.deliverables(), body.technicalQuality(), body.budgetExecution(), body.management()),
            body.recommendation(), body.comments())))
        .flatMap(r -> queries.report(actor, projectId, reportId))
        .transform(store::protect)
        .map(pr -> ReportView.of(pr.project(), pr.report(), actor));
  }
}
