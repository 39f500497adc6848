package org.fundflow.integrity.application.service;

import java.util.Comparator;
import org.fundflow.integrity.application.port.in.StatisticsUseCase;
import org.fundflow.integrity.application.port.out.Statistics;
import reactor.core.publisher.Mono;

/** The dashboard figures: the store counts, this orders them and adds the total. */
public record StatisticsService(Statistics statistics) implements StatisticsUseCase {

  @Override
  public Mono<FlagStatistics> flagsPerRuleAndSeverity() {
    return statistics.flagCounts()
        .sort(Comparator.comparing(FlagCount::rule).thenComparing(FlagCount::severity))
        .collectList()
        .map(counts -> new FlagStatistics(counts, counts.stream().mapToLong(FlagCount::count).sum()));
  }
}
