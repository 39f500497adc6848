package org.fundflow.integrity.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids derived from what caused a record, so that a redelivered event derives the same id again. */
public final class Ids {

  private Ids() {}

  public static String derived(String prefix, String... parts) {
    return prefix + "-" + UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
  }
}
