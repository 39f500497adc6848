package org.fundflow.integrity.domain;

/**
 * What a confirmed case found beyond its reason (issue 17 point 4, 追回): whether it was misconduct and, when it was
 * about a project, which one; the officer may set the amount to recover (fen), else post-subsidy recovers what was
 * released on the project. Only a confirmed misconduct about a project leads to a recovery order.
 */
public record CaseFinding(boolean misconduct, String projectId, Long recoveryAmountFen) {

  public static final CaseFinding NONE = new CaseFinding(false, null, null);

  public CaseFinding {
    if (projectId != null && projectId.isBlank()) {
      projectId = null;
    }
    if (!misconduct && (projectId != null || recoveryAmountFen != null)) {
      throw IntegrityException.rule("invalid-finding",
          "a project and an amount to recover are given only with a finding of misconduct");
    }
    if (recoveryAmountFen != null && (recoveryAmountFen < 1 || projectId == null)) {
      throw IntegrityException.rule("invalid-finding",
          "an amount to recover is at least 1 fen and needs the project it is recovered for");
    }
  }

  /** A recovery order follows: misconduct about a project. */
  public boolean recovers() {
    return misconduct && projectId != null;
  }
}
