package org.fundflow.integrity.application.port.in;

import java.time.Instant;
import org.fundflow.platform.application.CursorToken;

/**
 * The position of a queue item in its order (time descending, then id descending), as an opaque URL-safe token.
 *
 * @param at the item's time (a flag's raisedAt, a case's opening, a hold's start, an entry's import)
 * @param id the item's id, to order items of the same instant
 */
public record QueueCursor(Instant at, String id) {

  public String encode() {
    return new CursorToken(Long.toString(at.toEpochMilli()), id).encode();
  }

  /** @throws IllegalArgumentException when the token is not a cursor this service gave out */
  public static QueueCursor decode(String token) {
    CursorToken parts = CursorToken.decode(token);
    try {
      return new QueueCursor(Instant.ofEpochMilli(Long.parseLong(parts.first())), parts.second());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(CursorToken.NOT_A_CURSOR, e);
    }
  }
}
