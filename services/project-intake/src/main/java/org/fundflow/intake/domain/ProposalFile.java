package org.fundflow.intake.domain;

import java.time.Instant;

/**
 * A file stored for a proposal (its bytes live in the service's file store): the type detected from the
 * content, the size, the SHA-256 computed while it was stored, who added it and when. Files are never
 * replaced: a new version is a new file.
 */
public record ProposalFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {}
