package org.fundflow.milestone.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A resident identity number (GB 11643-1999): 6 digits of region, the birth date (8 digits), 3 of
 * sequence and a check character (ISO 7064 MOD 11-2, 0-9 or X). Only validated here: this service
 * keeps its keyed hash and a masked form, never the number.
 */
public final class NationalId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private NationalId() {}

  /** A right check character and a real birth date from 1900 up to {@code today}. */
  public static boolean isValid(String id, LocalDate today) {
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
      sum += (c - '0') * WEIGHTS[i];
    }
    if (s.charAt(17) != CHECK.charAt(sum % 11)) {
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
