package org.fundflow.milestone.adapter.in.web;

import static org.fundflow.milestone.adapter.in.web.ProjectController.actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.fundflow.milestone.adapter.in.web.Views.ChangeRequestView;
import org.fundflow.milestone.adapter.in.web.Views.HistoryView;
import org.fundflow.milestone.adapter.in.web.Views.ProjectView;
import org.fundflow.milestone.application.port.in.ChangeRequestUseCase;
import org.fundflow.milestone.application.port.in.ChangeRequestUseCase.DecideChangeCommand;
import org.fundflow.milestone.application.port.in.ChangeRequestUseCase.RequestChangeCommand;
import org.fundflow.milestone.application.port.in.ManageProjectUseCase;
import org.fundflow.milestone.application.port.in.ManageProjectUseCase.ProjectDecisionCommand;
import org.fundflow.milestone.application.port.in.ManageProjectUseCase.TerminateProjectCommand;
import org.fundflow.milestone.application.port.in.QueryProjectsUseCase;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.BudgetLine;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Post-award management (issue 17 point 5): suspension, resumption, termination, change requests, history. */
@RestController
@RequestMapping("/projects/{projectId}")
@Tag(name = "post-award", description = "Suspend, resume or terminate a project; change requests; the project's history")
public class PostAwardController {

  private final ManageProjectUseCase manage;
  private final ChangeRequestUseCase changes;
  private final QueryProjectsUseCase queries;
  private final StoreGuard store;

  public PostAwardController(ManageProjectUseCase manage, ChangeRequestUseCase changes, QueryProjectsUseCase queries,
      StoreGuard store) {
    this.manage = manage;
    this.changes = changes;
    this.queries = queries;
    this.store = store;
  }

  @PostMapping("/suspension")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Suspend an ACTIVE project with a reason: no reports, reviews or payments until it is resumed")
  public Mono<ProjectView> suspend(@PathVariable String projectId, @Valid @RequestBody Requests.ProjectDecision body,
      @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(Mono.defer(() -> manage.suspend(
            new ProjectDecisionCommand(actor, projectId, body.reason()))))
        .map(p -> ProjectView.of(p, actor));
  }

  @PostMapping("/resumption")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Resume a SUSPENDED project with a reason")
  public Mono<ProjectView> resume(@PathVariable String projectId, @Valid @RequestBody Requests.ProjectDecision body,
      @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(Mono.defer(() -> manage.resume(
            new ProjectDecisionCommand(actor, projectId, body.reason()))))
        .map(p -> ProjectView.of(p, actor));
  }

  @PostMapping("/termination")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Terminate an ACTIVE or SUSPENDED project with a reason: unpaid money is cancelled and returned "
      + "to the program's budget")
  public Mono<ProjectView> terminate(@PathVariable String projectId, @Valid @RequestBody Requests.ProjectDecision body,
      @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(Mono.defer(() -> manage.terminate(
            new TerminateProjectCommand(actor, projectId, body.reason()))))
        .map(p -> ProjectView.of(p, actor));
  }

  @PostMapping("/change-requests")
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Request a change: a milestone's due date, a budget reallocation or a team change")
  public Mono<ResponseEntity<ChangeRequestView>> requestChange(@PathVariable String projectId,
      @Valid @RequestBody Requests.ChangeRequestBody body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    List<BudgetLine> lines = body.budgetLines() == null ? List.of()
        : body.budgetLines().stream().map(l -> new BudgetLine(l.category(), l.amountFen())).toList();
    return store.protect(Mono.defer(() -> changes.request(new RequestChangeCommand(actor, projectId, body.kind(),
            body.milestoneId(), body.newDueDate(), lines, body.teamOrganisationCodes(), body.justification()))))
        .map(r -> ResponseEntity.created(URI.create("/projects/" + projectId + "/change-requests/" + r.id()))
            .body(ChangeRequestView.of(r)));
  }

  @PostMapping("/change-requests/{requestId}/decision")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Approve (the change applies now) or refuse a pending change request, with a reason")
  public Mono<ChangeRequestView> decideChange(@PathVariable String projectId, @PathVariable String requestId,
      @Valid @RequestBody Requests.ChangeDecision body, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(Mono.defer(() -> changes.decide(new DecideChangeCommand(actor, projectId, requestId,
            body.approve(), body.reason()))))
        .map(p -> ChangeRequestView.of(p.changeRequest(requestId)));
  }

  @GetMapping("/history")
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "The project's post-award history (suspensions, terminations, change requests, due-date "
      + "reminders and warnings) and its change requests")
  public Mono<HistoryView> history(@PathVariable String projectId, @Parameter(hidden = true) Caller caller) {
    Actor actor = actor(caller);
    return store.protect(queries.project(actor, projectId)).map(HistoryView::of);
  }
}
