package org.fundflow.integrity.domain;

/** A refusal by the integrity domain; {@link Kind} tells the web adapter which problem to answer. */
public class IntegrityException extends RuntimeException {

  public enum Kind { NOT_FOUND, ILLEGAL_TRANSITION, RULE_VIOLATION }

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

  public static IntegrityException rule(String slug, String message) {
    return new IntegrityException(Kind.RULE_VIOLATION, slug, message);
  }
}
