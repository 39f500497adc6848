package org.fundflow.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fundflow.platform.domain.PersonIdProtection;

/**
 * Personal ID numbers are never stored or sent in clear where they are not needed: they are kept
 * as a keyed hash (HMAC-SHA256 with a suite-wide secret, so that services and imported lists can
 * match the same person) and a masked form for display.
 */
public final class PersonIdHasher {

  private final SecretKeySpec key;

  public PersonIdHasher(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the person-id key must have at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** 64 lower-case hex characters; the same ID always gives the same hash under the same key. */
  public String hash(String personId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normalise(personId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This hasher as the services' port: the keyed hash and the mask. */
  public PersonIdProtection protection() {
    return new PersonIdProtection() {
      @Override
      public String hash(String nationalId) {
        return PersonIdHasher.this.hash(nationalId);
      }

      @Override
      public String mask(String nationalId) {
        return PersonIdHasher.mask(nationalId);
      }
    };
  }

  /** The first four and last four characters, the rest starred: {@code 1201**********5929}. */
  public static String mask(String personId) {
    String id = normalise(personId);
    if (id.length() <= 8) {
      return "*".repeat(id.length());
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  private static String normalise(String personId) {
    return personId.trim().toUpperCase(Locale.ROOT);
  }
}
