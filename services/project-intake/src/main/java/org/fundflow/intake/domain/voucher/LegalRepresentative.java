package org.fundflow.intake.domain.voucher;

import java.util.regex.Pattern;

/**
 * The legal representative (法定代表人) of an enterprise or a service provider, as intake keeps it: only the
 * suite-wide keyed hash of the national ID number (GB 11643), for integrity-check's related-party rule. The number is
 * checked and hashed at the edge and goes no further; it is never logged, stored, shown back or published.
 */
public final class LegalRepresentative {

  private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

  private LegalRepresentative() {}

  /**
   * The hash itself (null stays null: not given). Anything but 64 lower-case hex characters is a programming error
   * (e.g. a clear number where the hash belongs) and is refused without repeating the value.
   */
  public static String requireHash(String idHash) {
    if (idHash != null && !HASH.matcher(idHash).matches()) {
      throw new IllegalArgumentException("a legal representative is kept as the keyed hash of the ID number only");
    }
    return idHash;
  }
}
