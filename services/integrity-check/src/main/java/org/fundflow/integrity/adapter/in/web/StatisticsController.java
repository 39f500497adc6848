package org.fundflow.integrity.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fundflow.integrity.application.port.in.StatisticsUseCase;
import org.fundflow.integrity.application.port.in.StatisticsUseCase.FlagStatistics;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.web.StatisticsEndpoints;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The auditors' dashboard figures of integrity-check (issue 16 point 4), counted in the store. */
@RestController
@Tag(name = "statistics", description = "Figures for the auditors' dashboards, counted by the store")
public class StatisticsController extends StatisticsEndpoints<StatisticsUseCase> {

  public StatisticsController(StatisticsUseCase statistics, StoreGuard guard) {
    super(statistics, guard);
  }

  @Operation(summary = "Flags per rule and severity",
      description = "Every flag ever raised, whatever became of it: {counts:[{rule, severity, count}], total}, "
          + "ordered by rule code then severity (LOW, MEDIUM, HIGH, CRITICAL); only pairs with at least one flag.")
  @GetMapping("/statistics/flags")
  @PreAuthorize(WorkQueueController.OFFICER_OR_AUDITOR)
  public Mono<FlagStatistics> flags() {
    return figures(StatisticsUseCase::flagsPerRuleAndSeverity);
  }
}
