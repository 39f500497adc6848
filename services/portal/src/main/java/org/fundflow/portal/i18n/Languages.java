package org.fundflow.portal.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages: Simplified Chinese (the default) and English. */
public final class Languages {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale DEFAULT = CHINESE;
  /** The session attribute and exchange attribute holding the language tag of this user. */
  public static final String ATTRIBUTE = "portal.language";

  /**
   * A cookie with the last language picked in this browser (not personal, not a session): the login page after a
   * logout, or before the first login, speaks it too. The user's remembered preference wins once logged in.
   */
  public static final String COOKIE = "FUNDFLOW_LANG";

  private static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

  private Languages() {}

  /** {@code zh-CN} or {@code en} (case-insensitive) → the locale; anything else → empty. */
  public static Optional<Locale> of(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return ALL.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(tag.strip())).findFirst();
  }

  public static List<Locale> all() {
    return ALL;
  }
}
