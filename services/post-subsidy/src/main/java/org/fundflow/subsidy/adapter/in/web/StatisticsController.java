package org.fundflow.subsidy.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.web.StatisticsEndpoints;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.PaymentsPerMonth;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.ProgramFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The auditors' dashboard figures of post-subsidy (issue 16 point 4), summed in the store. */
@RestController
@Tag(name = "statistics", description = "Figures for the auditors' dashboards, summed by the store")
public class StatisticsController extends StatisticsEndpoints<StatisticsUseCase> {

  static final String FINANCE_OR_AUDITOR = "hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER','AUDITOR')";

  public record ProgramsView(List<ProgramFigures> programs) {}

  public StatisticsController(StatisticsUseCase statistics, StoreGuard guard) {
    super(statistics, guard);
  }

  @Operation(summary = "Budget, paid and reserved for release per program",
      description = "{programs:[{programId, name, kind, budgetFen, paidFen, reservedForReleaseFen}]} by program id; "
          + "amounts in fen. Paid = the released disbursements of the program.")
  @GetMapping("/statistics/programs")
  @PreAuthorize(FINANCE_OR_AUDITOR)
  public Mono<ProgramsView> programs() {
    return figures(StatisticsUseCase::programs).map(ProgramsView::new);
  }

  @Operation(summary = "Released payments per month (Asia/Shanghai)",
      description = "{zone, months:[{month: yyyy-MM, count, amountFen}], count, amountFen}: the released "
          + "disbursements by the calendar month of their release in China Standard Time, oldest first; months "
          + "without a payment are left out.")
  @GetMapping("/statistics/payments")
  @PreAuthorize(FINANCE_OR_AUDITOR)
  public Mono<PaymentsPerMonth> payments() {
    return figures(StatisticsUseCase::paymentsPerMonth);
  }
}
