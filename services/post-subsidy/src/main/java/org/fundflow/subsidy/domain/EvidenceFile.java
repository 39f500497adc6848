package org.fundflow.subsidy.domain;

import java.time.Instant;

/**
 * A claim's stored evidence file as a decision names it (issue 15 point 4): its metadata, never its bytes — id, the
 * name the uploader gave, the type detected from the content, size, SHA-256, who attached it and when.
 */
public record EvidenceFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {}
