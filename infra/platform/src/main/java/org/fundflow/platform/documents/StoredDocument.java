package org.fundflow.platform.documents;

import java.time.Instant;

/**
 * What is kept about a stored file, beside its bytes: the owning record, the name the uploader gave, the type
 * detected from the content, the size, the SHA-256 computed while it streamed in, who uploaded it and when.
 */
public record StoredDocument(String id, String ownerId, String name, String mediaType, long sizeBytes, String sha256,
    String uploadedBy, Instant uploadedAt) {}
