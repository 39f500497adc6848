package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An evidence file stored for a milestone (its bytes live in the service's file store) as a report names it: the type
 * detected from the content, the size, the SHA-256 computed while it was stored, who added it and when. A file is never
 * replaced: a new version is a new file.
 */
public record EvidenceFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {

  public EvidenceFile {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(name, "name");
    if (sha256 == null || mediaType == null) {
      throw DomainRuleException.rule("invalid-evidence", "evidence file " + fileId + " is not completely stored");
    }
  }
}
