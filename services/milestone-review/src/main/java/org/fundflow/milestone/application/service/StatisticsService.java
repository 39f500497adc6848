package org.fundflow.milestone.application.service;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fundflow.milestone.application.port.in.StatisticsUseCase;
import org.fundflow.milestone.application.port.out.Statistics;
import org.fundflow.milestone.domain.ProjectStatus;
import reactor.core.publisher.Mono;

/** The dashboard figures: the store counts per status, this names every status and adds the total. */
public record StatisticsService(Statistics statistics) implements StatisticsUseCase {

  @Override
  public Mono<ProjectStatistics> projects() {
    return statistics.projectsPerStatus().collectList().map(counts -> {
      Map<ProjectStatus, Long> by = new EnumMap<>(ProjectStatus.class);
      counts.forEach(c -> by.merge(c.status(), c.count(), Long::sum));
      List<StatusCount> all = Arrays.stream(ProjectStatus.values())
          .map(s -> new StatusCount(s, by.getOrDefault(s, 0L))).toList();
      return new ProjectStatistics(by.getOrDefault(ProjectStatus.ACTIVE, 0L),
          by.getOrDefault(ProjectStatus.COMPLETED, 0L), by.getOrDefault(ProjectStatus.TERMINATED, 0L),
          all.stream().mapToLong(StatusCount::count).sum(), all);
    });
  }
}
