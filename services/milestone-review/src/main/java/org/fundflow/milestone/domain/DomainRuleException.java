package org.fundflow.milestone.domain;

/** A refused command: the kind says why (illegal transition, business rule, not visible, not allowed). */
public class DomainRuleException extends RuntimeException {

  public enum Kind { ILLEGAL_TRANSITION, RULE_VIOLATED, NOT_VISIBLE, NOT_ALLOWED }

  private final Kind kind;
  private final String code;

  public DomainRuleException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
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

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
