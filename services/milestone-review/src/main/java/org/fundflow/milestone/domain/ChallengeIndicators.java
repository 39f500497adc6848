package org.fundflow.milestone.domain;

import java.util.List;
import java.util.Objects;

/**
 * This service's copy of a challenge (榜单) heard from project-intake's {@code challenge-published}: the target
 * indicators that a CHALLENGE project answering it is evaluated against after completion (绩效评价, issue 17 point 6).
 */
public record ChallengeIndicators(String challengeId, String programId, String title, List<String> targetIndicators) {

  public ChallengeIndicators {
    Objects.requireNonNull(challengeId, "challengeId");
    targetIndicators = targetIndicators == null ? List.of() : List.copyOf(targetIndicators);
  }
}
