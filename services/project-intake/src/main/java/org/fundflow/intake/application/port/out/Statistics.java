package org.fundflow.intake.application.port.out;

import org.fundflow.intake.application.port.in.StatisticsUseCase.ProgramFigures;
import org.fundflow.intake.application.port.in.StatisticsUseCase.StatusCount;
import reactor.core.publisher.Flux;

/** Counts and sums made by the store (projections and aggregations), never by loading the aggregates. */
public interface Statistics {

  /** Every program's money fields, in any order. */
  Flux<ProgramFigures> programFigures();

  /** The submitted proposals (drafts and proposals withdrawn before submission left out) counted per status. */
  Flux<StatusCount> submittedPerStatus();
}
