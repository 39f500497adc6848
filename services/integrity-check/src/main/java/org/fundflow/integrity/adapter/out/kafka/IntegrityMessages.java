package org.fundflow.integrity.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The data of the events integrity-check publishes on {@code integrity.events} (shared-schemas/integrity-check/*.v1). */
public final class IntegrityMessages {

  private IntegrityMessages() {}

  public record SubjectData(String type, String id) {}

  public record RuleData(String name, int version) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EvidenceData(String eventId, String eventType, String description, Map<String, Object> values) {}

  public record FlagRaised(String flagId, RuleData rule, SubjectData subject, String severity,
      List<EvidenceData> evidence, Instant raisedAt) {}

  /** misconduct, projectId, recoveryAmountFen: what a confirmation found (追回, issue 17); absent on a dismissal. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CaseDecided(String caseId, SubjectData subject, String decision, String reason, List<String> flagIds,
      String decidedBy, Instant decidedAt, Boolean misconduct, String projectId, Long recoveryAmountFen,
      List<FileData> evidenceFiles) {}

  /** A stored evidence file's metadata (issue 15 point 4), never its bytes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileData(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HoldPlaced(String holdId, SubjectData subject, String reason, String caseId, String flagId,
      Instant startsAt, Instant endsAt, String placedBy, Instant placedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HoldLifted(String holdId, SubjectData subject, String reason, String note, String liftedBy,
      Instant liftedAt) {}

  /** A hold ends by itself at {@code endsAt}, announced once ahead of it by the hold sweep (issue 16). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HoldExpiring(String holdId, SubjectData subject, String reason, String caseId, String flagId,
      Instant endsAt, Instant announcedAt) {}
}
