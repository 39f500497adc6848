package org.fundflow.milestone.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A reference to an evidence file: its name and the SHA-256 of its content (64 hex digits). */
public record Evidence(String name, String sha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Evidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isBlank()) {
      throw DomainRuleException.rule("invalid-evidence", "evidence needs a name");
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw DomainRuleException.rule("invalid-evidence", "evidence " + name + ": sha256 must be 64 lower-case hex digits");
    }
  }
}
