package org.fundflow.milestone.application.port.out;

import org.fundflow.milestone.application.port.in.StatisticsUseCase.StatusCount;
import reactor.core.publisher.Flux;

/** Counts made by the store (an aggregation), never by loading the projects. */
public interface Statistics {

  /** The projects counted per status; statuses without a project may be left out. */
  Flux<StatusCount> projectsPerStatus();
}
