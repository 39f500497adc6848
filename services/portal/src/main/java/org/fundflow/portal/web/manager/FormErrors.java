package org.fundflow.portal.web.manager;

import org.fundflow.portal.web.ProblemFields;

import java.util.Map;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;

/**
 * What a refused form shows: one message next to each field (a message key), and one above the form for the problem
 * as a whole. The service's own texts (English, technical) are never shown: a field the service names is mapped to
 * the form's field and to the portal's message for it ({@code manager.invalid.<field>}).
 *
 * @param fields form field → message key
 * @param problemKey the message key of the problem as a whole, or null
 */
public record FormErrors(Map<String, String> fields, String problemKey) {

  public static FormErrors none() {
    return new FormErrors(Map.of(), null);
  }

  public boolean any() {
    return problemKey != null || !fields.isEmpty();
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  public String of(String field) {
    return fields.get(field);
  }

  /** Errors the portal found itself before calling (an amount it cannot read): the service was not asked. */
  public static FormErrors local(Map<String, String> fields) {
    return new FormErrors(Map.copyOf(fields), "problem.validation");
  }

  /**
   * The service's answer: each field it names ({@code callWindow.opensAt}) mapped to a form field by the longest
   * matching prefix in {@code serviceToForm}; a field the form does not have is said above the form.
   */
  public static FormErrors of(ServiceProblem problem, ProblemMessages problems, Map<String, String> serviceToForm) {
    return of(problem, problems, serviceToForm, "manager.invalid.");
  }

  /** The same with the field messages of another area's bundle ({@code applicant.invalid.}). */
  public static FormErrors of(ServiceProblem problem, ProblemMessages problems, Map<String, String> serviceToForm,
      String messagePrefix) {
    return new FormErrors(ProblemFields.keys(problem, field -> formField(field, serviceToForm), messagePrefix, null),
        problems.key(problem));
  }

  private static String formField(String serviceField, Map<String, String> serviceToForm) {
    String best = null;
    for (String prefix : serviceToForm.keySet()) {
      if ((serviceField.equals(prefix) || serviceField.startsWith(prefix + ".") || serviceField.startsWith(prefix + "["))
          && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : serviceToForm.get(best);
  }
}
