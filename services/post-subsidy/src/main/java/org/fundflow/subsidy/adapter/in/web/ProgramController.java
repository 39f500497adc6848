package org.fundflow.subsidy.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.subsidy.adapter.in.web.Views.BudgetView;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.application.port.out.Programs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "program budgets", description = "This service's copy of a program with what is paid and reserved for release")
public class ProgramController {

  private final Programs programs;
  private final StoreGuard guard;

  public ProgramController(Programs programs, StoreGuard guard) {
    this.programs = programs;
    this.guard = guard;
  }

  @GetMapping("/programs/{id}/budget")
  @PreAuthorize("hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER','AUDITOR')")
  @Operation(summary = "Budget, reserved for release, paid and remaining to pay of a program")
  public Mono<BudgetView> budget(@PathVariable String id) {
    return guard.protect(programs.find(id))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Program", id)))
        .map(BudgetView::of);
  }
}
