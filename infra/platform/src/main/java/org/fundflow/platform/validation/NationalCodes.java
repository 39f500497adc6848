package org.fundflow.platform.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The format checks of the two national codes the web adapters accept: the unified social credit code of an
 * organisation (GB 32100-2015) and the resident ID number (GB 11643-1999). Only the format: whether the
 * organisation or person is known is the services' business. The reasons never repeat the value.
 */
public final class NationalCodes {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] ORG_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private NationalCodes() {}

  /** 18 characters of 0-9 and A-Y without I, O, S, V, Z; the last one the modulo-31 check character. */
  public static boolean isOrganisationCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ORG_ALPHABET.indexOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum += value * ORG_WEIGHTS[i];
    }
    return code.charAt(17) == ORG_ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** 17 digits and the ISO 7064 MOD 11-2 check character (0-9 or X), a real birth date from 1900 up to today. */
  public static boolean isNationalId(String id) {
    return isNationalId(id, LocalDate.now(CHINA));
  }

  public static boolean isNationalId(String id, LocalDate today) {
    if (id == null) {
      return false;
    }
    String s = id.trim().toUpperCase(Locale.ROOT);
    if (s.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * ID_WEIGHTS[i];
    }
    if (s.charAt(17) != ID_CHECK.charAt(sum % 11)) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
          Integer.parseInt(s.substring(12, 14)));
      return birth.getYear() >= 1900 && !birth.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
