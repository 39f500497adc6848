package org.fundflow.intake.domain.voucher;

/** The stored contract document a voucher contract names (metadata only; the bytes stay in the document store). */
public record ContractDocument(String documentId, String name, String mediaType, long sizeBytes, String sha256) {}
