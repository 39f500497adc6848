package org.fundflow.intake.domain;

import java.time.LocalDate;
import java.util.Map;
import org.fundflow.platform.national.NationalId;
import org.fundflow.platform.national.OrganisationCode;

/**
 * Intake's refusals of an invalid organisation code or national ID. The checks themselves are the national
 * standards' (GB 32100, GB 11643), written once in {@code org.fundflow.platform.national} (docs/adr/0005).
 */
public final class CodeRules {

  private CodeRules() {}

  /** The code itself when valid, otherwise a refusal naming the field. */
  public static String requireOrganisationCode(String code, String field) {
    if (!OrganisationCode.isValid(code)) {
      throw IntakeRefusal.rule("invalid-organisation-code", "Invalid organisation code",
          field + " is not a valid unified social credit code (GB 32100-2015): " + code, Map.of("field", field));
    }
    return code;
  }

  /** Refuses an invalid number (check digit, or a birth date before 1900 or after {@code today}); names the field, never the number. */
  public static void requireNationalId(String id, String field, LocalDate today) {
    if (!NationalId.isValid(id, today)) {
      throw IntakeRefusal.rule("invalid-national-id", "Invalid national ID number",
          field + " is not a valid national ID number (check digit or birth date wrong)", Map.of("field", field));
    }
  }
}
