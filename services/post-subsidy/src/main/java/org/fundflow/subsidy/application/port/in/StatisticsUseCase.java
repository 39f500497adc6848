package org.fundflow.subsidy.application.port.in;

import java.time.ZoneId;
import java.util.List;
import reactor.core.publisher.Mono;

/** Figures for the auditors' dashboards (issue 16 point 4), summed in the store. */
public interface StatisticsUseCase {

  /** Months are calendar months in China Standard Time, whatever the server's zone. */
  ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** One program's money in this service: its budget, what is paid and what is reserved for a release in flight. */
  record ProgramFigures(String programId, String name, String kind, long budgetFen, long paidFen,
      long reservedForReleaseFen) {}

  /** @param month {@code yyyy-MM} in {@link #ZONE}; {@code count} released disbursements totalling {@code amountFen} */
  record MonthFigures(String month, long count, long amountFen) {}

  record PaymentsPerMonth(String zone, List<MonthFigures> months, long count, long amountFen) {}

  /** Every program copy, by program id. */
  Mono<List<ProgramFigures>> programs();

  /** Released disbursements per month of their release (Asia/Shanghai), oldest month first; months without one left out. */
  Mono<PaymentsPerMonth> paymentsPerMonth();
}
