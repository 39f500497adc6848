package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;

/** PROJECT_FAILED v1: a project was terminated (failed final milestone or twice failed review). */
public final class ProjectFailedRule {

  public static final RuleRef RULE = RuleRef.PROJECT_FAILED;

  public record Termination(String eventId, String projectId, String programId, String organisationCode, String reason,
      Instant terminatedAt) {}

  public Flag evaluate(Termination t, Instant now) {
    Subject org = Subject.organisation(t.organisationCode());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("projectId", t.projectId());
    values.put("programId", t.programId());
    values.put("reason", t.reason());
    values.put("terminatedAt", String.valueOf(t.terminatedAt()));
    return new Flag(Ids.derived("flag", RULE.toString(), org.key(), t.projectId()), RULE, org, Severity.MEDIUM,
        List.of(new Evidence(t.eventId(), "fundflow.milestone.project-terminated.v1",
            "project " + t.projectId() + " was terminated: " + t.reason(), values)), now);
  }
}
