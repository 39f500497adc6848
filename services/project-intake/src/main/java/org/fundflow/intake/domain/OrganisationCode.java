package org.fundflow.intake.domain;

/**
 * The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18
 * characters of the alphabet 0-9 and A-Y without I, O, S, V, Z; the 18th is a check character
 * computed modulo 31 from the first 17 with fixed weights.
 */
public final class OrganisationCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private OrganisationCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == ALPHABET.charAt(check);
  }

  /** The code itself when valid, otherwise a refusal naming the field. */
  public static String require(String code, String field) {
    if (!isValid(code)) {
      throw IntakeRefusal.rule("invalid-organisation-code", "Invalid organisation code",
          field + " is not a valid unified social credit code (GB 32100-2015): " + code,
          java.util.Map.of("field", field));
    }
    return code;
  }
}
