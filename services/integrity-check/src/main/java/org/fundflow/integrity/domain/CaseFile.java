package org.fundflow.integrity.domain;

import java.time.Instant;

/**
 * A case's stored evidence file as the decision names it (issue 15 point 4): its metadata, never its bytes — id, the
 * name the officer gave, the type detected from the content, size, SHA-256, who attached it and when.
 */
public record CaseFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {}
