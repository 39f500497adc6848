package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;

/**
 * One expert's score of one report (the milestone rubric, {@code scores}) or of one proposal before award (the
 * program's own rubric, {@code rubricScores} in the rubric's order; {@code scores} and {@code recommendation} are
 * then null); a correction replaces it until the panel closes.
 */
public record Evaluation(Scores scores, Recommendation recommendation, String comments, Instant submittedAt,
    List<Integer> rubricScores) {

  public Evaluation {
    rubricScores = rubricScores == null ? null : List.copyOf(rubricScores);
  }

  /** A milestone report's evaluation. */
  public Evaluation(Scores scores, Recommendation recommendation, String comments, Instant submittedAt) {
    this(scores, recommendation, comments, submittedAt, null);
  }

  public int total() {
    return scores != null ? scores.total() : rubricScores.stream().mapToInt(Integer::intValue).sum();
  }
}
