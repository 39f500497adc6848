package org.fundflow.integrity.application.service;

import java.util.Comparator;
import org.fundflow.integrity.application.port.in.StatisticsUseCase;
import org.fundflow.integrity.application.port.out.Statistics;
import reactor.core.publisher.Mono;

/** The dashboard figures: the store counts, this orders them and adds the total. */
public final class StatisticsService implements StatisticsUseCase {

  private final Statistics statistics;

  public StatisticsService(Statistics statistics) {
    this.statistics = statistics;
  }

  @Override
  public Mono<FlagStatistics> flagsPerRuleAndSeverity() {
    return statistics.flagCounts()
        .sort(Comparator.comparing(FlagCount::rule).thenComparing(FlagCount::severity))
        .collectList()
        .map(counts -> new FlagStatistics(counts, counts.stream().mapToLong(FlagCount::count).sum()));
  }
}
