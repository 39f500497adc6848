package org.fundflow.integrity.application.port.out;

import org.fundflow.integrity.application.port.in.StatisticsUseCase.FlagCount;
import reactor.core.publisher.Flux;

/** Counts made by the store (an aggregation), never by loading the records. */
public interface Statistics {

  /** One count per (rule code, severity) that has at least one flag, in any order. */
  Flux<FlagCount> flagCounts();
}
