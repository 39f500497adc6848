package org.fundflow.intake.application.service;

import static org.fundflow.intake.domain.ProposalStatus.AWARDED;
import static org.fundflow.intake.domain.ProposalStatus.REJECTED;
import static org.fundflow.intake.domain.ProposalStatus.SCREENING;
import static org.fundflow.intake.domain.ProposalStatus.UNDER_REVIEW;
import static org.fundflow.intake.domain.ProposalStatus.WITHDRAWN;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fundflow.intake.application.port.in.StatisticsUseCase;
import org.fundflow.intake.application.port.out.Statistics;
import org.fundflow.intake.domain.ProposalStatus;
import reactor.core.publisher.Mono;

/** The dashboard figures: the store counts per status, this turns them into the funnel's stages. */
public record StatisticsService(Statistics statistics) implements StatisticsUseCase {

  @Override
  public Mono<List<ProgramFigures>> programs() {
    return statistics.programFigures().sort(Comparator.comparing(ProgramFigures::programId)).collectList();
  }

  @Override
  public Mono<Funnel> funnel() {
    return statistics.submittedPerStatus().collectList().map(StatisticsService::funnel);
  }

  static Funnel funnel(List<StatusCount> counts) {
    Map<ProposalStatus, Long> by = new EnumMap<>(ProposalStatus.class);
    counts.forEach(c -> by.merge(c.status(), c.count(), Long::sum));
    long submitted = by.values().stream().mapToLong(Long::longValue).sum();
    // an award under public notice or withdrawn after it was reviewed and awarded too (issue 17 point 2)
    long reviewed = n(by, UNDER_REVIEW) + n(by, AWARDED) + n(by, ProposalStatus.UNDER_NOTICE)
        + n(by, ProposalStatus.AWARD_WITHDRAWN);
    long screened = n(by, SCREENING) + reviewed;
    List<StatusCount> byStatus = by.entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
    return new Funnel(submitted, screened, reviewed, n(by, AWARDED), n(by, REJECTED), n(by, WITHDRAWN), byStatus);
  }

  private static long n(Map<ProposalStatus, Long> by, ProposalStatus status) {
    return by.getOrDefault(status, 0L);
  }
}
