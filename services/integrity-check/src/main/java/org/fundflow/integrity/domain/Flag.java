package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A rule's finding about a subject, with its evidence. */
public record Flag(String flagId, RuleRef rule, Subject subject, Severity severity, List<Evidence> evidence,
    Instant raisedAt) {

  public Flag {
    Objects.requireNonNull(flagId, "flagId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(raisedAt, "raisedAt");
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
  }
}
