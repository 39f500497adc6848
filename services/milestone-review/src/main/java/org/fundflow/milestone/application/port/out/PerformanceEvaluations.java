package org.fundflow.milestone.application.port.out;

import java.util.List;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Performance evaluations (one per project, with its event in one write) and the copies of challenges' indicators. */
public interface PerformanceEvaluations {

  /** Stores a new evaluation and its event; false when the project was evaluated already (never replaced). */
  Mono<Boolean> create(PerformanceEvaluation evaluation);

  Mono<PerformanceEvaluation> find(String projectId);

  Flux<PerformanceEvaluation> ofProgram(String programId);

  Flux<PerformanceEvaluation> all();

  /** Keeps (or keeps again) the copy of a challenge's indicators. */
  Mono<Void> saveChallenge(ChallengeIndicators challenge);

  Mono<ChallengeIndicators> challenge(String challengeId);

  /** The COMPLETED CHALLENGE projects, of one program or (null) of every program. */
  Flux<Project> completedChallengeProjects(String programId);

  /** Of {@code fileIds}, the completely stored evaluation files of the project; unknown ids are left out. */
  Flux<EvidenceFile> files(String projectId, List<String> fileIds);
}
