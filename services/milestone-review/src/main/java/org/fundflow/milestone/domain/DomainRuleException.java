package org.fundflow.milestone.domain;

import java.util.Map;
import org.fundflow.platform.domain.Refusal;

/**
 * A refused command (the platform's {@link Refusal}, answered as a problem with a {@code code} member too): the kind
 * says why (illegal transition, business rule, not visible, not allowed).
 */
public class DomainRuleException extends Refusal {

  /** The kinds of refusal in this domain's words. */
  public interface Kind {
    Refusal.Kind ILLEGAL_TRANSITION = Refusal.Kind.CONFLICT;
    Refusal.Kind RULE_VIOLATED = Refusal.Kind.UNPROCESSABLE;
    Refusal.Kind NOT_VISIBLE = Refusal.Kind.NOT_FOUND;
    Refusal.Kind NOT_ALLOWED = Refusal.Kind.FORBIDDEN;
  }

  public DomainRuleException(Refusal.Kind kind, String code, String message) {
    super(kind, code, title(kind), message, Map.of("code", code));
  }

  private static String title(Refusal.Kind kind) {
    return switch (kind) {
      case CONFLICT -> "Not possible in the current state";
      case UNPROCESSABLE -> "Rule violated";
      case NOT_FOUND -> "Not found";
      case FORBIDDEN -> "Forbidden";
      case PRECONDITION_FAILED -> "Changed since you read it";
    };
  }

  public static DomainRuleException illegal(String code, String message) {
    return new DomainRuleException(Kind.ILLEGAL_TRANSITION, code, message);
  }

  public static DomainRuleException rule(String code, String message) {
    return new DomainRuleException(Kind.RULE_VIOLATED, code, message);
  }

  public static DomainRuleException notVisible(String what, String id) {
    return new DomainRuleException(Kind.NOT_VISIBLE, "not-found", what + " " + id + " does not exist or is not visible to you");
  }

  public static DomainRuleException notAllowed(String code, String message) {
    return new DomainRuleException(Kind.NOT_ALLOWED, code, message);
  }

  /** The rule's code: the problem type's slug. */
  public String code() {
    return slug();
  }
}
