package org.fundflow.portal.web.expert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundflow.portal.client.ExpertClient.Evaluation;
import org.fundflow.portal.client.ExpertClient.EvaluationRequest;

/**
 * The rubric form as typed: four scores (text, so a wrong entry comes back as typed), a recommendation, and one comment
 * per criterion. milestone-review keeps one comments text per evaluation: the per-criterion comments travel in it as
 * sections {@code [deliverables]}, {@code [technicalQuality]}, ... and are read back from it for a correction.
 */
public record ScoreForm(String deliverables, String technicalQuality, String budgetExecution, String management,
    String recommendation, String deliverablesComment, String technicalQualityComment, String budgetExecutionComment,
    String managementComment) {

  /** The criteria with their maxima (the service's rubric: 40/30/20/10). */
  public static final List<Criterion> CRITERIA = List.of(new Criterion("deliverables", 40),
      new Criterion("technicalQuality", 30), new Criterion("budgetExecution", 20), new Criterion("management", 10));

  public record Criterion(String name, int max) {}

  private static final Pattern SECTION = Pattern.compile("(?m)^\\[(deliverables|technicalQuality|budgetExecution|management)\\]\\n");

  public static ScoreForm empty() {
    return new ScoreForm("", "", "", "", "", "", "", "", "");
  }

  /** The expert's own evaluation, to correct. */
  public static ScoreForm of(Evaluation e) {
    if (e == null) {
      return empty();
    }
    Map<String, String> comments = comments(e.comments());
    return new ScoreForm(String.valueOf(e.deliverables()), String.valueOf(e.technicalQuality()),
        String.valueOf(e.budgetExecution()), String.valueOf(e.management()), e.recommendation(),
        comments.getOrDefault("deliverables", ""), comments.getOrDefault("technicalQuality", ""),
        comments.getOrDefault("budgetExecution", ""), comments.getOrDefault("management", ""));
  }

  public String score(String criterion) {
    return switch (criterion) {
      case "deliverables" -> deliverables;
      case "technicalQuality" -> technicalQuality;
      case "budgetExecution" -> budgetExecution;
      default -> management;
    };
  }

  public String comment(String criterion) {
    return switch (criterion) {
      case "deliverables" -> deliverablesComment;
      case "technicalQuality" -> technicalQualityComment;
      case "budgetExecution" -> budgetExecutionComment;
      default -> managementComment;
    };
  }

  /** The sum of the scores that are whole numbers (what the page shows before a script runs). */
  public int total() {
    int sum = 0;
    for (Criterion c : CRITERIA) {
      Integer v = number(score(c.name()));
      sum += v == null ? 0 : v;
    }
    return sum;
  }

  /** Fields the portal cannot send at all (not a whole number): the service is not asked. */
  public Map<String, String> unreadable() {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Criterion c : CRITERIA) {
      if (number(score(c.name())) == null) {
        errors.put(c.name(), "expert.invalid." + c.name());
      }
    }
    if (recommendation == null || recommendation.isBlank()) {
      errors.put("recommendation", "expert.invalid.recommendation");
    }
    return errors;
  }

  /** What milestone-review is sent; the ranges are its rule (it re-checks them and says which field is wrong). */
  public EvaluationRequest request() {
    StringBuilder comments = new StringBuilder();
    for (Criterion c : CRITERIA) {
      String text = comment(c.name());
      if (text != null && !text.isBlank()) {
        if (!comments.isEmpty()) {
          comments.append('\n');
        }
        comments.append('[').append(c.name()).append("]\n").append(text.strip().replace("\r\n", "\n"));
      }
    }
    return new EvaluationRequest(number(deliverables), number(technicalQuality), number(budgetExecution),
        number(management), recommendation, comments.isEmpty() ? null : comments.toString());
  }

  static Map<String, String> comments(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Matcher m = SECTION.matcher(text);
    String current = null;
    int start = 0;
    while (m.find()) {
      if (current != null) {
        out.put(current, text.substring(start, m.start()).strip());
      }
      current = m.group(1);
      start = m.end();
    }
    if (current == null) {
      out.put("deliverables", text.strip()); // a comment written elsewhere, without sections
    } else {
      out.put(current, text.substring(start).strip());
    }
    return out;
  }

  static Integer number(String text) {
    if (text == null || !text.strip().matches("\\d{1,3}")) {
      return null;
    }
    return Integer.valueOf(text.strip());
  }
}
