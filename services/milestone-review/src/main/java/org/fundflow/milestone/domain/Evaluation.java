package org.fundflow.milestone.domain;

import java.time.Instant;

/** One expert's score of one report; a correction replaces it until the panel closes. */
public record Evaluation(Scores scores, Recommendation recommendation, String comments, Instant submittedAt) {

  public int total() {
    return scores.total();
  }
}
