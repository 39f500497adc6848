package org.fundflow.portal.web.integrity;

import java.util.LinkedHashMap;
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
    Map<String, String> fields = new LinkedHashMap<>();
    problem.fieldErrors().keySet().forEach(field -> {
      String name = field.replaceAll("\\[\\d+]$", "");
      String key = FIELD_KEY + name;
      fields.put(name, messages.getMessage(key, null, null, java.util.Locale.SIMPLIFIED_CHINESE) != null
          ? key : FIELD_KEY + "generic");
    });
    return new FormProblem(form, problems.key(problem), fields);
  }

  /** The message key for this field of this form, or null. */
  public String field(String formName, String field) {
    return form.equals(formName) ? fields.get(field) : null;
  }

  public boolean about(String formName) {
    return form.equals(formName);
  }
}
