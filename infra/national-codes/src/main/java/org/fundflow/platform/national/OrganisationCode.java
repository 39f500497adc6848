package org.fundflow.platform.national;

/**
 * The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18 characters of 0-9 and A-Y
 * without I, O, S, V, Z; the 18th is the check character, modulo 31 over the first 17 with fixed weights.
 * Only the format: whether the organisation is known is a service's business. Pure Java, used by every layer
 * (docs/adr/0005-national-codes-once.md).
 */
public final class OrganisationCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private OrganisationCode() {}

  /** A well-formed code with the right check character; upper case only, no surrounding blanks; null is invalid. */
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
    return code.charAt(17) == ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /**
   * The code made of these 17 characters (0-9, A-Y without I, O, S, V, Z) and their check character: the one way
   * test data and fixtures make valid codes.
   *
   * @throws IllegalArgumentException when {@code first17} is not 17 such characters
   */
  public static String withCheckCharacter(String first17) {
    if (first17 == null || first17.length() != 17) {
      throw new IllegalArgumentException("17 characters expected, not " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a GB 32100 character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
