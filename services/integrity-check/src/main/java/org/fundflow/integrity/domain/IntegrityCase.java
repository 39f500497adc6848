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
