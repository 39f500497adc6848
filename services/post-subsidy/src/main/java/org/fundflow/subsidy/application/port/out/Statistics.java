package org.fundflow.subsidy.application.port.out;

import java.time.ZoneId;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.MonthFigures;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase.ProgramFigures;
import reactor.core.publisher.Flux;

/** Sums made by the store (projections and aggregations), never by loading the aggregates. */
public interface Statistics {

  /** The program copies' money fields only, in any order. */
  Flux<ProgramFigures> programFigures();

  /** Released disbursements grouped by the month ({@code yyyy-MM}) of {@code releasedAt} in {@code zone}, any order. */
  Flux<MonthFigures> releasedPerMonth(ZoneId zone);
}
