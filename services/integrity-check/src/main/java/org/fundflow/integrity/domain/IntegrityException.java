package org.fundflow.integrity.domain;

import org.fundflow.platform.domain.ExpectedVersion;

/** A refusal by the integrity domain; {@link Kind} tells the web adapter which problem to answer. */
public class IntegrityException extends RuntimeException {

  public enum Kind { NOT_FOUND, ILLEGAL_TRANSITION, RULE_VIOLATION, STALE }

  private final Kind kind;
  private final String slug;

  public IntegrityException(Kind kind, String slug, String message) {
    super(message);
    this.kind = kind;
    this.slug = slug;
  }

  public Kind kind() {
    return kind;
  }

  public String slug() {
    return slug;
  }

  public static IntegrityException notFound(String what, String id) {
    return new IntegrityException(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist");
  }

  public static IntegrityException illegalTransition(String message) {
    return new IntegrityException(Kind.ILLEGAL_TRANSITION, "illegal-case-transition", message);
  }

  /** Lifting a hold that is not active any more: its own problem type, not an illegal case transition. */
  public static IntegrityException holdAlreadyLifted(String message) {
    return new IntegrityException(Kind.ILLEGAL_TRANSITION, "hold-already-lifted", message);
  }

  public static IntegrityException stale(String what, ExpectedVersion expected, int actual) {
    return new IntegrityException(Kind.STALE, "stale-revision", what + " is at revision " + actual
        + ", the request was made on revision " + expected + ": reload it and decide again");
  }

  public static IntegrityException rule(String slug, String message) {
    return new IntegrityException(Kind.RULE_VIOLATION, slug, message);
  }
}
