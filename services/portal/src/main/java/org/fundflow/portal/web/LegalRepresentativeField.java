package org.fundflow.portal.web;

import java.util.Map;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.util.MultiValueMap;

/**
 * The legal representative's (法定代表人) resident ID number on the provider registration and the voucher application
 * forms (issue 18 point 2). Optional. The portal passes it, as typed, only to project-intake, which checks it (GB 11643)
 * and keeps its keyed hash; the portal keeps it nowhere, logs it nowhere and never renders it again, not even in the
 * form shown back after a refusal (the person types it again).
 */
public final class LegalRepresentativeField {

  /** The form field's name, the same as project-intake's body field. */
  public static final String NAME = "legalRepresentativeNationalId";

  private LegalRepresentativeField() {}

  /** The number as typed (blanks around it removed), or null when the field was left empty. */
  public static String of(MultiValueMap<String, String> in) {
    String v = in.getFirst(NAME);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** project-intake's 400 naming the number: said next to the field in the reader's language, or nothing. */
  public static Map<String, String> error(ServiceProblem e) {
    return e.fieldErrors().containsKey(NAME) ? Map.of(NAME, "voucher.legalRepresentative.invalid") : Map.of();
  }
}
