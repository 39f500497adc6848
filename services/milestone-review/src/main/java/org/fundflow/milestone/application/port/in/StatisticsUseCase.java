package org.fundflow.milestone.application.port.in;

import java.util.List;
import org.fundflow.milestone.domain.ProjectStatus;
import reactor.core.publisher.Mono;

/** Figures for the auditors' dashboards (issue 16 point 4), counted in the store. */
public interface StatisticsUseCase {

  record StatusCount(ProjectStatus status, long count) {}

  /** @param byStatus every status, in the order ACTIVE, COMPLETED, TERMINATED (0 when none) */
  record ProjectStatistics(long active, long completed, long terminated, long total, List<StatusCount> byStatus) {}

  Mono<ProjectStatistics> projects();
}
