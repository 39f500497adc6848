package org.fundflow.integrity.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The 18-character resident ID number (GB 11643): a real birth date and the ISO 7064 check character. */
public final class NationalId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private NationalId() {}

  /** Why the ID is not valid, or null when it is. Never echoes the ID. */
  public static String problem(String id) {
    if (id == null || id.length() != 18) {
      return "a national ID has 18 characters";
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return "the first 17 characters of a national ID are digits";
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    try {
      LocalDate.parse(id.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      return "the national ID does not contain a real birth date";
    }
    if (Character.toUpperCase(id.charAt(17)) != CHECK.charAt(sum % 11)) {
      return "the national ID's check character is wrong";
    }
    return null;
  }

  public static boolean isValid(String id) {
    return problem(id) == null;
  }
}
