package org.fundflow.platform.national;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The resident identity number (GB 11643-1999): 6 digits of region, the birth date (8 digits), 3 of sequence and
 * a check character (ISO 7064 MOD 11-2, 0-9 or X; a lower-case x is accepted). Surrounding blanks are ignored.
 * The birth date must be real, from 1900 and not after "today". The number is personal data: nothing here keeps
 * it, and no {@link Problem} repeats it. Pure Java, used by every layer (docs/adr/0005-national-codes-once.md).
 */
public final class NationalId {

  /** The days are counted in China: "today" of a birth date is Asia/Shanghai's. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /** Why a number is not a resident ID number, in the order it is checked; the descriptions never contain it. */
  public enum Problem {
    LENGTH("a national ID has 18 characters"),
    NOT_DIGITS("the first 17 characters of a national ID are digits"),
    BIRTH_DATE("the national ID does not contain a real birth date"),
    CHECK_CHARACTER("the national ID's check character is wrong");

    private final String description;

    Problem(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private NationalId() {}

  /** Valid with a birth date up to today in China. */
  public static boolean isValid(String id) {
    return isValid(id, LocalDate.now(CHINA));
  }

  /** Valid with a birth date from 1900 up to {@code today}. */
  public static boolean isValid(String id, LocalDate today) {
    return problem(id, today).isEmpty();
  }

  /** The first thing wrong with {@code id} (null counts as the wrong length), or empty when it is valid. */
  public static Optional<Problem> problem(String id, LocalDate today) {
    if (id == null) {
      return Optional.of(Problem.LENGTH);
    }
    String s = id.trim().toUpperCase(Locale.ROOT);
    if (s.length() != 18) {
      return Optional.of(Problem.LENGTH);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of(Problem.NOT_DIGITS);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    if (!realBirthDate(s, today)) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (s.charAt(17) != CHECK.charAt(sum % 11)) {
      return Optional.of(Problem.CHECK_CHARACTER);
    }
    return Optional.empty();
  }

  /**
   * The ID made of these 17 digits and their check character (GB 11643): the one way test data and fixtures make
   * valid IDs. The birth date is not checked here ({@link #isValid} does).
   *
   * @throws IllegalArgumentException when {@code first17} is not 17 digits
   */
  public static String withCheckCharacter(String first17) {
    if (first17 == null || !first17.matches("[0-9]{17}")) {
      throw new IllegalArgumentException("17 digits expected, not " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK.charAt(sum % 11);
  }

  private static boolean realBirthDate(String s, LocalDate today) {
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
          Integer.parseInt(s.substring(12, 14)));
      return birth.getYear() >= 1900 && !birth.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
