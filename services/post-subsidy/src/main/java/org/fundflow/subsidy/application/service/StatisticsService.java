package org.fundflow.subsidy.application.service;

import java.util.Comparator;
import java.util.List;
import org.fundflow.subsidy.application.port.in.StatisticsUseCase;
import org.fundflow.subsidy.application.port.out.Statistics;
import reactor.core.publisher.Mono;

/** The dashboard figures: the store sums, this orders them and adds the totals. */
public record StatisticsService(Statistics statistics) implements StatisticsUseCase {

  @Override
  public Mono<List<ProgramFigures>> programs() {
    return statistics.programFigures().sort(Comparator.comparing(ProgramFigures::programId)).collectList();
  }

  @Override
  public Mono<PaymentsPerMonth> paymentsPerMonth() {
    return statistics.releasedPerMonth(ZONE).sort(Comparator.comparing(MonthFigures::month)).collectList()
        .map(months -> new PaymentsPerMonth(ZONE.getId(), months,
            months.stream().mapToLong(MonthFigures::count).sum(),
            months.stream().mapToLong(MonthFigures::amountFen).sum()));
  }
}
