package org.fundflow.portal.web.finance;

import org.fundflow.portal.web.ProblemFields;

import java.util.Map;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;

/**
 * A finance form the service (or the portal's own reading of a date) refused, as the page shows it: the problem's
 * message and, per field it names, a localized message next to that field ({@code finance.field-error.<field>}).
 */
public record FinanceFormProblem(String form, String messageKey, Map<String, String> fields) {

  static final String FIELD_KEY = "finance.field-error.";

  static FinanceFormProblem of(String form, ServiceProblem problem, ProblemMessages problems, MessageSource messages) {
    return new FinanceFormProblem(form, problems.key(problem),
        ProblemFields.keys(problem, field -> field, FIELD_KEY, messages));
  }

  static FinanceFormProblem field(String form, String messageKey, String field, String fieldKey) {
    return new FinanceFormProblem(form, messageKey, Map.of(field, fieldKey));
  }

  /** The message key for this field of this form, or null. */
  public String field(String formName, String field) {
    return form.equals(formName) ? fields.get(field) : null;
  }

  public boolean about(String formName) {
    return form.equals(formName);
  }
}
