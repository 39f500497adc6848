package org.fundflow.platform.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What identifies a request's content for Idempotency-Key replays, everywhere: the SHA-256 (64 lower-case hex
 * digits) of its fields. The same key with another fingerprint is another request and is refused.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  /** The SHA-256 of the fields in order, each prefixed with its length so that no two field lists collide. */
  public static String of(List<String> fields) {
    MessageDigest digest = sha256();
    for (String field : fields) {
      byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of one text (UTF-8), as is. */
  public static String of(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
