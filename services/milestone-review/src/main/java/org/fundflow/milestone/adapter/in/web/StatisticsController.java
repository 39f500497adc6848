package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fundflow.milestone.application.port.in.StatisticsUseCase;
import org.fundflow.milestone.application.port.in.StatisticsUseCase.ProjectStatistics;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.web.StatisticsEndpoints;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The auditors' dashboard figures of milestone-review (issue 16 point 4), counted in the store. */
@RestController
@Tag(name = "statistics", description = "Figures for the auditors' dashboards, counted by the store")
public class StatisticsController extends StatisticsEndpoints<StatisticsUseCase> {

  public StatisticsController(StatisticsUseCase statistics, StoreGuard guard) {
    super(statistics, guard);
  }

  @Operation(summary = "Projects per status",
      description = "{active, completed, terminated, total, byStatus:[{status, count}]}: the end of the proposal "
          + "funnel (projects completed or terminated); project-intake counts the stages before.")
  @GetMapping("/statistics/projects")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  public Mono<ProjectStatistics> projects() {
    return figures(StatisticsUseCase::projects);
  }
}
