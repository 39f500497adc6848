package org.fundflow.milestone.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.PerformanceEvaluation.RatingInput;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 绩效评价 (issue 17 point 6): the panel's rating of a completed CHALLENGE project's target indicators. */
public interface PerformanceEvaluationUseCase {

  /** Keeps the copy of a published challenge's target indicators (idempotent: the same facts again change nothing). */
  Mono<Void> challengePublished(ChallengeIndicators challenge);

  /** The project (for whoever may see it), its challenge's indicators (if known) and its evaluation (if any). */
  Mono<EvaluationSheet> sheet(Actor actor, String projectId);

  /** The project, when the program manager may add evaluation evidence to it now (completed, not evaluated yet). */
  Mono<Project> evidenceUploadable(Actor actor, String projectId);

  /** The project, when the caller may read its evaluation and the evaluation's files. */
  Mono<Project> readable(Actor actor, String projectId);

  Mono<PerformanceEvaluation> evaluate(EvaluateCommand command);

  /** Per program: the completed CHALLENGE projects, evaluated or awaiting, with counts per rating. */
  Flux<ProgramSummary> summary(Actor actor, String programId);

  record EvaluateCommand(Actor manager, String projectId, List<String> panelExpertIds, List<RatingInput> ratings,
      String conclusion) {
    public EvaluateCommand {
      Objects.requireNonNull(manager, "manager");
      Objects.requireNonNull(projectId, "projectId");
      panelExpertIds = panelExpertIds == null ? List.of() : List.copyOf(panelExpertIds);
      ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }
  }

  /** {@code evaluation} null while the project awaits it (or is not evaluable: see {@code evaluable}). */
  record EvaluationSheet(Project project, List<String> targetIndicators, boolean evaluable, String notEvaluableReason,
      PerformanceEvaluation evaluation) {}

  record ProjectSummary(String projectId, String title, String organisationCode, Instant completedAt,
      boolean evaluated, long met, long partlyMet, long notMet, Instant evaluatedAt) {}

  record ProgramSummary(String programId, int completedProjects, int evaluatedProjects, long met, long partlyMet,
      long notMet, List<ProjectSummary> projects) {}
}
