package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fundflow.intake.application.port.in.StatisticsUseCase;
import org.fundflow.intake.application.port.in.StatisticsUseCase.Funnel;
import org.fundflow.intake.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.web.StatisticsEndpoints;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The auditors' dashboard figures of project-intake (issue 16 point 4), counted in the store. */
@RestController
@Tag(name = "statistics", description = "Figures for the auditors' dashboards, counted by the store")
public class StatisticsController extends StatisticsEndpoints<StatisticsUseCase> {

  static final String STAFF = "hasAnyRole('PROGRAM_MANAGER','AUDITOR')";

  public record ProgramsView(List<ProgramFigures> programs) {}

  public StatisticsController(StatisticsUseCase statistics, StoreGuard guard) {
    super(statistics, guard);
  }

  @Operation(summary = "Budget and awarded per program",
      description = "{programs:[{programId, name, kind, status, budgetFen, awardedFen}]} by program id, drafts "
          + "included; amounts in fen.")
  @GetMapping("/statistics/programs")
  @PreAuthorize(STAFF)
  public Mono<ProgramsView> programs() {
    return figures(StatisticsUseCase::programs).map(ProgramsView::new);
  }

  @Operation(summary = "The proposal funnel",
      description = "How many submitted proposals reached each stage: submitted, screened (screening started), "
          + "reviewed (sent to review), awarded; rejected and withdrawn; byStatus: the submitted ones by their "
          + "status now. A rejected or withdrawn proposal counts as submitted only (the stage it left at is not "
          + "recorded). Projects completed or terminated are milestone-review's figures (GET /statistics/projects).")
  @GetMapping("/statistics/proposal-funnel")
  @PreAuthorize(STAFF)
  public Mono<Funnel> funnel() {
    return figures(StatisticsUseCase::funnel);
  }
}
