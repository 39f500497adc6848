package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

  /** The same scores, recommendation and comments (whenever given). */
  public boolean sameAs(Scores scores, Recommendation recommendation, String comments) {
    return Objects.equals(this.scores, scores) && this.recommendation == recommendation
        && Objects.equals(this.comments, comments);
  }

  public int total() {
    return scores != null ? scores.total() : rubricScores.stream().mapToInt(Integer::intValue).sum();
  }
}
