package org.fundflow.portal.web.integrity;

import org.fundflow.portal.web.ProblemFields;

import java.util.Map;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;

/**
 * A form the service refused, as the page shows it: the problem's message (by its type) and, per field the problem
 * names in {@code errors[]}, a localized message next to that field. The service's English texts are never shown.
 *
 * @param messageKey the message of the problem type (e.g. problem.hold-already-lifted)
 * @param fields field name (as the service names it) -> message key ({@code integrity.field-error.<field>})
 */
public record FormProblem(String form, String messageKey, Map<String, String> fields) {

  static final String FIELD_KEY = "integrity.field-error.";

  static FormProblem of(String form, ServiceProblem problem, ProblemMessages problems, MessageSource messages) {
    return new FormProblem(form, problems.key(problem),
        ProblemFields.keys(problem, ProblemFields::withoutIndex, FIELD_KEY, messages));
  }

  /** The message key for this field of this form, or null. */
  public String field(String formName, String field) {
    return form.equals(formName) ? fields.get(field) : null;
  }

  public boolean about(String formName) {
    return form.equals(formName);
  }
}
