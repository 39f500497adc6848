package org.fundflow.platform.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position of the last item of a page in its list, as the opaque URL-safe token a client passes back for the
 * next page: Base64url without padding of {@code first~second}. A service's cursor record says what the two parts
 * are (a time and an id, a project and a report) and adds its own checks.
 *
 * @param first the part before the first {@code ~}, not empty
 * @param second the part after it, not empty (may itself hold a {@code ~})
 */
public record CursorToken(String first, String second) {

  /** The refusal's text of a token that is not a cursor a service gave out. */
  public static final String NOT_A_CURSOR = "is not a cursor of this list";

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((first + "~" + second).getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException ({@link #NOT_A_CURSOR}) when the token is not two parts encoded as above */
  public static CursorToken decode(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(NOT_A_CURSOR, e);
    }
    int sep = text.indexOf('~');
    if (sep < 1 || sep == text.length() - 1) {
      throw new IllegalArgumentException(NOT_A_CURSOR);
    }
    return new CursorToken(text.substring(0, sep), text.substring(sep + 1));
  }
}
