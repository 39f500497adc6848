package org.fundflow.integrity.application.port.in;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position of a queue item in its order (time descending, then id descending), as an opaque URL-safe token.
 *
 * @param at the item's time (a flag's raisedAt, a case's opening, a hold's start, an entry's import)
 * @param id the item's id, to order items of the same instant
 */
public record QueueCursor(Instant at, String id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((at.toEpochMilli() + "~" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException when the token is not a cursor this service gave out */
  public static QueueCursor decode(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not a cursor of this list", e);
    }
    int sep = text.indexOf('~');
    if (sep < 1 || sep == text.length() - 1) {
      throw new IllegalArgumentException("is not a cursor of this list");
    }
    try {
      return new QueueCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, sep))), text.substring(sep + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a cursor of this list", e);
    }
  }
}
