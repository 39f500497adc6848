package org.fundflow.faults;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Valid, distinct organisation codes (GB 32100-2015) and national IDs (GB 11643) per lifecycle, so that no two
 * lifecycles share an applicant: integrity-check's duplicate-application and cumulative rules stay quiet.
 */
final class Identities {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] ORG_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private Identities() {}

  /** A company code "91120112" + a 9-character body derived from (run, index). */
  static String organisation(int run, int index) {
    StringBuilder body = new StringBuilder("9112011");
    long n = (long) run * 1_000_000L + index;
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      tail.append(ALPHABET.charAt((int) (n % 31)));
      n /= 31;
    }
    body.append(tail.reverse());
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(body.charAt(i)) * ORG_WEIGHTS[i];
    }
    return body.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
  }

  /** A Tianjin Jinnan (120112) person born on a day derived from index, sequence from role. */
  static String person(int index, int role) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(index % 12_000);
    String first17 = "120112" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", 100 + (index / 12_000) * 10 + role);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return first17 + ID_CHECK.charAt(sum % 11);
  }
}
