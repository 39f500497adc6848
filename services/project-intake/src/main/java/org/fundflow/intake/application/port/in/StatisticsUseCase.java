package org.fundflow.intake.application.port.in;

import java.util.List;
import org.fundflow.intake.domain.ProposalStatus;
import reactor.core.publisher.Mono;

/** Figures for the auditors' dashboards (issue 16 point 4), counted and summed in the store. */
public interface StatisticsUseCase {

  /** A program's budget and what is awarded of it (the API's {@code awardedFen}). */
  record ProgramFigures(String programId, String name, String kind, String status, long budgetFen, long awardedFen) {}

  record StatusCount(ProposalStatus status, long count) {}

  /**
   * The proposal funnel: how many submitted proposals reached each stage. {@code screened}: screening started (now
   * SCREENING, UNDER_REVIEW or AWARDED); {@code reviewed}: sent to review (UNDER_REVIEW or AWARDED). A rejected or
   * withdrawn proposal counts as submitted only: the store does not record the stage it left at.
   * {@code byStatus}: the submitted proposals by their status now (drafts are not in the funnel).
   */
  record Funnel(long submitted, long screened, long reviewed, long awarded, long rejected, long withdrawn,
      List<StatusCount> byStatus) {}

  /** Every program, by id. */
  Mono<List<ProgramFigures>> programs();

  Mono<Funnel> funnel();
}
