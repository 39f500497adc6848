package org.fundflow.portal.web.applicant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A service's refusal of a form → messages next to the fields: each {@code errors[{field}]} at its field (the input
 * names are the service's field paths), a rule problem without fields at the part of the form it concerns, and the
 * problem itself at the top of the form under {@link #FORM}. All in the user's language; the service's English
 * messages are never shown.
 */
@Component
public class EditorProblems {

  /** The key of the whole form's message. */
  public static final String FORM = "_form";

  /** Rule problems that concern one part of the editor. */
  private static final Map<String, String> PART_OF = Map.of(
      "invalid-milestone-plan", "milestones",
      "budget-mismatch", "budgetLines",
      "over-cap", "requestedAmount",
      "over-challenge-maximum", "requestedAmount",
      "invalid-project-period", "projectEndDate",
      "program-required", FORM);

  private final ProblemMessages problems;
  private final MessageSource messages;

  public EditorProblems(ProblemMessages problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  public Map<String, String> errors(ServiceProblem problem) {
    Map<String, String> errors = new LinkedHashMap<>();
    String problemKey = problems.key(problem);
    errors.put(FORM, problemKey);
    problem.fieldErrors().keySet().forEach(field -> errors.put(formField(field), fieldKey(field)));
    String field = problem.extension("field");
    if (field != null) {
      errors.put(formField(field), problemKey);
    }
    String part = problem.slug() == null ? null : PART_OF.get(problem.slug());
    if (part != null && !part.equals(FORM)) {
      errors.put(part, problemKey);
    }
    return errors;
  }

  /** The service names amounts in fen ({@code budgetLines[0].amountFen}); the form takes yuan ({@code .amount}). */
  static String formField(String serviceField) {
    return serviceField.endsWith("Fen") ? serviceField.substring(0, serviceField.length() - 3) : serviceField;
  }

  /** {@code applicant.editor.invalid.<last name>} ({@code nationalId}, {@code title} ...), else a general text. */
  private String fieldKey(String serviceField) {
    String last = formField(serviceField).replaceAll("\\[\\d+]", "");
    last = last.substring(last.lastIndexOf('.') + 1);
    String key = "applicant.editor.invalid." + last;
    return messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null ? key : "applicant.editor.invalid";
  }
}
