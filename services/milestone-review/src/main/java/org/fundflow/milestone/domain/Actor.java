package org.fundflow.milestone.domain;

import java.util.Set;

/** Who asks: identity, roles and (applicants, experts) organisation. */
public record Actor(String id, Set<String> roles, String organisationCode) {

  public static final String APPLICANT = "APPLICANT";
  public static final String PROGRAM_MANAGER = "PROGRAM_MANAGER";
  public static final String EXPERT = "EXPERT";
  public static final String AUDITOR = "AUDITOR";

  public Actor {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean is(String role) {
    return roles.contains(role);
  }

  void requireProgramManager() {
    if (!is(PROGRAM_MANAGER)) {
      throw DomainRuleException.notAllowed("forbidden", "only a PROGRAM_MANAGER may do this");
    }
  }

  /** Staff who see every project: program managers and auditors. */
  public boolean seesAll() {
    return is(PROGRAM_MANAGER) || is(AUDITOR);
  }
}
