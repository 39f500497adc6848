package org.fundflow.intake.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 立项评审 (issue 17 point 1): whether a program's proposals need an expert review before award, and the rubric the
 * review panel scores them on (criteria with weights adding up to exactly 100). Set when the program is created;
 * left out, it is on for CHALLENGE and GENERAL programs and off for POST_SUBSIDY and REWARD (which have no proposals), with
 * {@link #DEFAULT_RUBRIC} (the 40/30/20/10 of milestone panels).
 */
public record ExpertReview(boolean required, List<RubricCriterion> rubric) {

  public static final int MAX_CRITERIA = 10;
  public static final int MAX_NAME = 200;

  public static final List<RubricCriterion> DEFAULT_RUBRIC = List.of(
      new RubricCriterion("技术方案与创新性 Technical merit and innovation", 40),
      new RubricCriterion("可行性与工作计划 Feasibility and work plan", 30),
      new RubricCriterion("预算合理性 Budget soundness", 20),
      new RubricCriterion("团队与管理 Team and management", 10));

  public ExpertReview {
    rubric = rubric == null || rubric.isEmpty() ? DEFAULT_RUBRIC : List.copyOf(rubric);
    if (rubric.size() > MAX_CRITERIA) {
      throw invalid("a rubric has at most " + MAX_CRITERIA + " criteria, not " + rubric.size());
    }
    Set<String> names = new HashSet<>();
    int sum = 0;
    for (RubricCriterion c : rubric) {
      if (c == null || c.name() == null || c.name().isBlank() || c.name().length() > MAX_NAME) {
        throw invalid("every criterion needs a name of 1 to " + MAX_NAME + " characters");
      }
      if (!names.add(c.name().strip())) {
        throw invalid("criterion '" + c.name() + "' is named twice");
      }
      if (c.weight() < 1 || c.weight() > 100) {
        throw invalid("the weight of '" + c.name() + "' must be between 1 and 100, was " + c.weight());
      }
      sum += c.weight();
    }
    if (sum != 100) {
      throw invalid("the rubric's weights must add up to 100, they add up to " + sum);
    }
  }

  /**
   * The setting of a program created without one: on for CHALLENGE and GENERAL, off for POST_SUBSIDY and REWARD
   * (neither has proposals to review).
   */
  public static ExpertReview defaultFor(ProgramKind kind) {
    return new ExpertReview(kind == ProgramKind.CHALLENGE || kind == ProgramKind.GENERAL, DEFAULT_RUBRIC);
  }

  /** No review: the program manager awards right after screening. */
  public static ExpertReview off() {
    return new ExpertReview(false, DEFAULT_RUBRIC);
  }

  private static IntakeRefusal invalid(String detail) {
    return IntakeRefusal.rule("invalid-rubric", "Invalid review rubric", detail);
  }
}
