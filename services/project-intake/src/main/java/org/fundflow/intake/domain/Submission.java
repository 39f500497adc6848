package org.fundflow.intake.domain;

import java.time.Instant;

/** How a proposal was submitted: the client's idempotency key and a hash of its request. */
public record Submission(String idempotencyKey, String requestHash, Instant submittedAt) {}
