package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.fundflow.milestone.adapter.in.web.Views.AssignmentView;
import org.fundflow.milestone.adapter.in.web.Views.ExpertView;
import org.fundflow.milestone.application.port.in.QueryProjectsUseCase;
import org.fundflow.milestone.application.port.in.RegisterExpertUseCase;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "experts", description = "Expert profiles and an expert's assignments")
public class ExpertController {

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
  @Operation(summary = "The reports the calling expert is assigned to")
  public Flux<AssignmentView> assignments(@Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(queries.assignments(actor))
        .map(pr -> {
          var seat = pr.report().seatOf(actor.id()).orElseThrow();
          return new AssignmentView(pr.project().id(), pr.project().title(), pr.report().id(),
              pr.report().milestoneId(), pr.report().attempt(), pr.report().status().name(),
              seat.hasDeclared(), seat.hasScored());
        });
  }

  private static ExpertView view(ExpertProfile p) {
    return new ExpertView(p.id(), p.name(), p.organisationCode(), p.maskedId(), p.declaredConflicts());
  }
}
