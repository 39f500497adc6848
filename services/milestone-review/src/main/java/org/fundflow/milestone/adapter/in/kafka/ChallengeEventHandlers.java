package org.fundflow.milestone.adapter.in.kafka;

import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.platform.events.ReceivedEvent;
import reactor.core.publisher.Mono;

/** {@code intake.program-events}: a published challenge's target indicators, kept for the performance evaluation. */
public class ChallengeEventHandlers {

  public static final String CHALLENGE_PUBLISHED = "fundflow.intake.challenge-published.v1";

  private final PerformanceEvaluationUseCase evaluations;

  public ChallengeEventHandlers(PerformanceEvaluationUseCase evaluations) {
    this.evaluations = evaluations;
  }

  public Mono<Void> onChallengePublished(ReceivedEvent<ChallengePublishedMessage> event) {
    ChallengePublishedMessage m = event.data();
    return evaluations.challengePublished(new ChallengeIndicators(m.challengeId(), m.programId(), m.title(),
        m.targetIndicators()));
  }
}
