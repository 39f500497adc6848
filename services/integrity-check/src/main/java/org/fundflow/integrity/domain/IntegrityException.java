package org.fundflow.integrity.domain;

import org.fundflow.platform.domain.Refusal;
import org.fundflow.platform.domain.ExpectedVersion;

/** A refusal by the integrity domain (the platform's {@link Refusal}, answered as a problem). */
public class IntegrityException extends Refusal {

  /** The kinds of refusal in this domain's words. */
  public interface Kind {
    Refusal.Kind NOT_FOUND = Refusal.Kind.NOT_FOUND;
    Refusal.Kind ILLEGAL_TRANSITION = Refusal.Kind.CONFLICT;
    Refusal.Kind RULE_VIOLATION = Refusal.Kind.UNPROCESSABLE;
    Refusal.Kind STALE = Refusal.Kind.PRECONDITION_FAILED;
  }

  public IntegrityException(Refusal.Kind kind, String slug, String message) {
    super(kind, slug, title(kind, slug), message);
  }

  private static String title(Refusal.Kind kind, String slug) {
    if ("hold-already-lifted".equals(slug)) {
      return "Hold already lifted";
    }
    return switch (kind) {
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Illegal case transition";
      case UNPROCESSABLE -> "Refused by an integrity rule";
      case PRECONDITION_FAILED -> "Changed since you read it";
      case FORBIDDEN -> "Forbidden";
    };
  }

  public static IntegrityException notFound(String what, String id) {
    return new IntegrityException(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist");
  }

  public static IntegrityException illegalTransition(String message) {
    return new IntegrityException(Kind.ILLEGAL_TRANSITION, "illegal-case-transition", message);
  }

  /** Lifting a hold that is not active any more: its own problem type, not an illegal case transition. */
  public static IntegrityException recoveryOutstanding(String message) {
    return new IntegrityException(Kind.ILLEGAL_TRANSITION, "recovery-outstanding", message);
  }

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
