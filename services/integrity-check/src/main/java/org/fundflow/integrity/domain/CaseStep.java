package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.List;

/** One recorded step of a case: what was done, by whom, when, with an optional note and evidence references. */
public record CaseStep(String action, CaseStatus statusAfter, String by, Instant at, String note,
    List<String> evidenceRefs) {

  public CaseStep {
    evidenceRefs = List.copyOf(evidenceRefs == null ? List.of() : evidenceRefs);
  }
}
