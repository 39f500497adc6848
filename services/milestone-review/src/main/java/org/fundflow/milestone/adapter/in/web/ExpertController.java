package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.fundflow.milestone.adapter.in.web.Views.AssignmentPage;
import org.fundflow.milestone.adapter.in.web.Views.AssignmentView;
import org.fundflow.milestone.adapter.in.web.Views.ExpertView;
import org.fundflow.milestone.application.port.in.AssignmentCursor;
import org.fundflow.milestone.application.port.in.QueryProjectsUseCase;
import org.fundflow.milestone.application.port.in.RegisterExpertUseCase;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "experts", description = "Expert profiles and an expert's assignments")
public class ExpertController {

  /** The largest page of assignments. */
  static final int MAX_PAGE = 100;

  private final RegisterExpertUseCase register;
  private final QueryProjectsUseCase queries;
  private final StoreGuard store;

  private final PersonIdHasher personIds;

  public ExpertController(RegisterExpertUseCase register, QueryProjectsUseCase queries, StoreGuard store,
      PersonIdHasher personIds) {
    this.personIds = personIds;
    this.register = register;
    this.queries = queries;
    this.store = store;
  }

  @PutMapping("/experts/{expertId}")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Create or replace an expert profile: its organisation and declared conflicts")
  public Mono<ExpertView> put(@PathVariable String expertId, @Valid @RequestBody Requests.ExpertProfileBody body) {
    return store.protect(register.register(new ExpertProfile(expertId, body.name(), body.organisationCode(),
            personIds.hash(body.nationalId()), PersonIdHasher.mask(body.nationalId()), body.declaredConflicts())))
        .map(ExpertController::view);
  }

  @GetMapping("/experts/{expertId}")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR','EXPERT')")
  @Operation(summary = "An expert profile (staff, or the expert itself)")
  public Mono<ExpertView> get(@PathVariable String expertId, @Parameter(hidden = true) Caller caller) {
    return store.protect(queries.expert(ProjectController.actor(caller), expertId)).map(ExpertController::view);
  }

  @GetMapping("/assignments")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "The reports the calling expert is assigned to, ordered by project then report; pass "
      + "nextCursor as after for the next page",
      description = "Keyset paging as in every list: {items, nextCursor}, nextCursor null on the last page. A report "
          + "the expert declared a conflict on (回避) is no longer listed.")
  public Mono<AssignmentPage> assignments(@Parameter(hidden = true) Caller caller,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after,
      @Parameter(description = "page size 1..100 (outside: the nearest)") @RequestParam(defaultValue = "20") int limit) {
    Actor actor = ProjectController.actor(caller);
    AssignmentCursor cursor;
    try {
      cursor = after == null || after.isBlank() ? null : AssignmentCursor.decode(after);
    } catch (IllegalArgumentException e) {
      return Mono.error(Problems.invalid("after", e.getMessage()));
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    return store.protect(queries.assignments(actor, cursor, size).map(pr -> view(pr, actor)).collectList())
        .map(items -> new AssignmentPage(items, items.size() == size
            ? new AssignmentCursor(items.get(size - 1).projectId(), items.get(size - 1).reportId()).encode() : null));
  }

  @GetMapping("/projects/{projectId}/reports/{reportId}/assignment")
  @PreAuthorize("hasRole('EXPERT')")
  @Operation(summary = "The calling expert's assignment on one report: whether it declared (回避) and scored, or "
      + "that it declared a conflict and left the panel (recused); 404 when it never sat on the report")
  public Mono<AssignmentView> assignment(@Parameter(hidden = true) Caller caller, @PathVariable String projectId,
      @PathVariable String reportId) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(queries.assignment(actor, projectId, reportId)).map(pr -> view(pr, actor));
  }

  private static AssignmentView view(QueryProjectsUseCase.ProjectReport pr, Actor actor) {
    var report = pr.report();
    String milestoneTitle = pr.project().milestones().stream().filter(m -> m.id().equals(report.milestoneId()))
        .map(m -> m.title()).findFirst().orElse(null);
    var seat = report.seatOf(actor.id());
    var recusal = report.recusals().stream().filter(x -> x.expertId().equals(actor.id())).findFirst();
    boolean recused = seat.isEmpty() && recusal.isPresent();
    return new AssignmentView(pr.project().id(), pr.project().title(), report.id(), report.milestoneId(),
        milestoneTitle, report.attempt(), report.status().name(), seat.map(s -> s.hasDeclared()).orElse(false),
        seat.map(s -> s.hasScored()).orElse(false), recused, recused ? recusal.get().declaredAt() : null);
  }

  private static ExpertView view(ExpertProfile p) {
    return new ExpertView(p.id(), p.name(), p.organisationCode(), p.maskedId(), p.declaredConflicts());
  }
}
