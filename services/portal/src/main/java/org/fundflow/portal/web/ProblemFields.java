package org.fundflow.portal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;

/**
 * The one mapping from a service's problem to the messages a form shows next to its fields: each field the problem
 * names in {@code errors[]} becomes a form field (by the page's own naming) with the message key
 * {@code <prefix><form field>}; where the bundles have no such key, {@code <prefix>generic}. The service's own texts
 * (English, technical) are never shown. Used by the manager's, the expert's and the applicant's forms
 * ({@code FormErrors}), the integrity officer's ({@code FormProblem}) and finance's ({@code FinanceFormProblem}).
 */
public final class ProblemFields {

  private ProblemFields() {}

  /**
   * @param toFormField the service's field path ({@code callWindow.opensAt}, {@code reasons[0]}) → the form's field,
   *     or null when the form has no field for it (it is then said above the form only)
   * @param prefix the area's field message prefix ({@code manager.invalid.}, {@code integrity.field-error.})
   * @param messages to fall back on {@code <prefix>generic} where the bundles have no text for the field; null: no
   *     fallback (every form field has its own text)
   * @return form field → message key, in the order the service named them
   */
  public static Map<String, String> keys(ServiceProblem problem, Function<String, String> toFormField, String prefix,
      MessageSource messages) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String serviceField : problem.fieldErrors().keySet()) {
      String formField = toFormField.apply(serviceField);
      if (formField != null) {
        fields.putIfAbsent(formField, key(prefix + formField, prefix, messages));
      }
    }
    return fields;
  }

  /** The service's field without a trailing list index ({@code reasons[0]} → {@code reasons}). */
  public static String withoutIndex(String serviceField) {
    return serviceField.replaceAll("\\[\\d+]$", "");
  }

  private static String key(String key, String prefix, MessageSource messages) {
    // the default bundle (zh-CN) has every key the English one has: checked by MessagesTest
    return messages == null || messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null ? key
        : prefix + "generic";
  }
}
