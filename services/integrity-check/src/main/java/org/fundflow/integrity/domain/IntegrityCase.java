package org.fundflow.integrity.domain;

import java.util.ArrayList;
import java.util.List;

/** An officer's investigation of one subject's flags. */
public record IntegrityCase(String caseId, Subject subject, List<String> flagIds, CaseStatus status,
    Severity severity, List<CaseStep> steps, String decisionReason, List<String> holdIds) {

  public IntegrityCase {
    flagIds = List.copyOf(flagIds);
    steps = List.copyOf(steps);
    holdIds = List.copyOf(holdIds == null ? List.of() : holdIds);
  }

  /** Changes with every step: the case's entity tag for conditional decisions (If-Match). */
  public int revision() {
    return steps.size();
  }

  /**
   * Evidence files are attached while the case is open or under investigation; a decided case's files are what the
   * decision rests on, so nothing is added. Files are never removed or replaced.
   */
  public void requireEvidenceAttachable() {
    if (status.decided()) {
      throw IntegrityException.illegalTransition("case " + caseId + " is " + status
          + ": its evidence is what the decision rests on, nothing is added");
    }
  }

  IntegrityCase with(CaseStatus next, CaseStep step, String reason, String addedHoldId) {
    List<CaseStep> s = new ArrayList<>(steps);
    s.add(step);
    List<String> h = new ArrayList<>(holdIds);
    if (addedHoldId != null) {
      h.add(addedHoldId);
    }
    return new IntegrityCase(caseId, subject, flagIds, next, severity, s, reason != null ? reason : decisionReason, h);
  }
}
